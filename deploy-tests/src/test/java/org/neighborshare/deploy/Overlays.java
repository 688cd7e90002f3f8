package org.neighborshare.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The overlays as {@code kubectl kustomize} renders them, read once per test JVM. */
final class Overlays {

    static final List<String> APPS =
            List.of("gateway", "agency-service", "request-service", "consent-service", "portal");
    static final List<String> DATA_SERVICES = List.of("agency-service", "request-service", "consent-service");

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();
    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    private Overlays() {}

    static Path home() {
        return Path.of(System.getProperty("neighbors.home", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static Path k8s() {
        return home().resolve("k8s");
    }

    /** kubectl from /usr/bin or the PATH; its absence fails the test with what to do. */
    static String kubectl() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/usr/bin/kubectl"));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                candidates.add(Path.of(dir, "kubectl"));
            }
        }
        return candidates.stream()
                .filter(Files::isExecutable)
                .findFirst()
                .map(Path::toString)
                .orElseGet(() -> fail("kubectl not found in /usr/bin or on the PATH: the deploy tests render the "
                        + "overlays with `kubectl kustomize`; install kubectl (>= 1.27) and run them again"));
    }

    static List<JsonNode> dev() {
        return render("overlays/dev");
    }

    static List<JsonNode> prod() {
        return render("overlays/prod");
    }

    static List<JsonNode> base() {
        return render("base");
    }

    static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(
                overlay,
                o -> parse(run(
                        kubectl(),
                        "kustomize",
                        // dev reads the realm and the local-demo keys from where the project keeps them
                        "--load-restrictor=LoadRestrictionsNone",
                        k8s().resolve(o).toString())));
    }

    static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail(String.join(" ", command) + " failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return fail("could not run " + String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    static List<JsonNode> parse(String yaml) {
        try {
            List<JsonNode> docs = new ArrayList<>();
            for (JsonNode d :
                    YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
                if (d != null && !d.isNull() && !d.isMissingNode()) {
                    docs.add(d);
                }
            }
            return docs;
        } catch (IOException e) {
            return fail("rendered YAML does not parse: " + e.getMessage());
        }
    }

    static Stream<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    static JsonNode named(List<JsonNode> objects, String kind, String name) {
        return ofKind(objects, kind)
                .filter(o -> name.equals(name(o)))
                .findFirst()
                .orElseGet(() -> fail("no " + kind + " " + name));
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static String id(JsonNode o) {
        return o.path("kind").asText() + "/" + name(o);
    }

    /** Deployments, StatefulSets...: everything with a pod template. */
    static Stream<JsonNode> workloads(List<JsonNode> objects) {
        return objects.stream()
                .filter(o -> o.path("spec").path("template").path("spec").has("containers"));
    }

    static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    static List<JsonNode> containers(JsonNode workload) {
        List<JsonNode> all = new ArrayList<>();
        podSpec(workload).path("containers").forEach(all::add);
        podSpec(workload).path("initContainers").forEach(all::add);
        return all;
    }

    static List<JsonNode> initContainersOf(JsonNode workload) {
        List<JsonNode> all = new ArrayList<>();
        podSpec(workload).path("initContainers").forEach(all::add);
        return all;
    }

    static Map<String, String> podLabels(JsonNode workload) {
        return JSON.convertValue(
                workload.path("spec").path("template").path("metadata").path("labels"),
                JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    }
}
