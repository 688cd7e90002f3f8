package org.neighborshare.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * k8s/base started from what quarkus-kubernetes generates (each module's target/kubernetes/kubernetes.yml, built
 * by the same reactor) and must not drift from it: container and Service ports, probe paths and ports, the
 * ConfigMap and Secret the environment comes from, the image and the service account are compared; and every
 * environment variable the application needs in %prod (a {@code ${NAME}} without default in its configuration)
 * must be set by the curated manifests.
 */
class GeneratedManifestDriftTest {

    static Stream<Arguments> modules() {
        List<Arguments> modules = new ArrayList<>();
        for (String app : Overlays.APPS) {
            Path pom = Overlays.home().resolve(app).resolve("pom.xml");
            if (Files.exists(pom)) {
                modules.add(Arguments.of(app));
            }
        }
        return modules.stream();
    }

    static boolean generatesManifests(String app) throws IOException {
        String pom = Files.readString(Overlays.home().resolve(app).resolve("pom.xml"), StandardCharsets.UTF_8);
        return pom.contains("quarkus-kubernetes") || pom.contains("<artifactId>service-parent</artifactId>");
    }

    static List<JsonNode> generated(String app) throws IOException {
        Path file = Overlays.home().resolve(app).resolve("target/kubernetes/kubernetes.yml");
        if (!Files.exists(file)) {
            fail(file + " is missing: build the module first (./mvnw -B verify -pl deploy-tests -am builds it)");
        }
        return Overlays.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("modules")
    void theCuratedDeploymentMatchesWhatQuarkusGenerates(String app) throws IOException {
        if (!generatesManifests(app)) {
            return; // a module without quarkus-kubernetes: only its curated manifests exist (checked elsewhere)
        }
        JsonNode gen = Overlays.named(generated(app), "Deployment", app);
        JsonNode cur = Overlays.named(Overlays.base(), "Deployment", app);
        JsonNode g = Overlays.containers(gen).get(0);
        JsonNode c = Overlays.containers(cur).get(0);
        assertEquals(g.path("name").asText(), c.path("name").asText(), "container name");
        assertEquals(ports(g), ports(c), "container ports");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertEquals(probe(g, probe), probe(c, probe), probe);
        }
        assertEquals(envSources(g), envSources(c), "envFrom: the ConfigMap and Secret of " + app);
        Set<String> curatedEnv = envNames(c);
        for (String name : envNames(g)) {
            assertTrue(curatedEnv.contains(name), "generated env " + name + " is missing from k8s/base/" + app);
        }
        assertEquals(
                withoutRegistry(g.path("image").asText()),
                withoutRegistry(c.path("image").asText()),
                "image");
        assertEquals(
                Overlays.podSpec(gen).path("serviceAccountName").asText(),
                Overlays.podSpec(cur).path("serviceAccountName").asText(),
                "service account");
        assertEquals(
                Overlays.initContainersOf(gen),
                List.of(),
                "no init job: Flyway migrates at start-up (with its own lock)");
    }

    @ParameterizedTest
    @MethodSource("modules")
    void theCuratedServiceMatchesWhatQuarkusGenerates(String app) throws IOException {
        if (!generatesManifests(app)) {
            return;
        }
        JsonNode gen = Overlays.named(generated(app), "Service", app);
        JsonNode cur = Overlays.named(Overlays.base(), "Service", app);
        assertEquals(servicePorts(gen), servicePorts(cur));
        assertEquals(
                gen.path("spec").path("selector").path("app.kubernetes.io/name"),
                cur.path("spec").path("selector").path("app.kubernetes.io/name"));
    }

    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    @ParameterizedTest
    @MethodSource("modules")
    void everyVariableTheApplicationNeedsInProdIsSet(String app) throws IOException {
        Set<String> required = new TreeSet<>();
        List<Path> sources = new ArrayList<>(List.of(
                Overlays.home().resolve(app).resolve("src/main/resources/application.properties"),
                Overlays.home().resolve("shared/src/main/resources/META-INF/microprofile-config.properties")));
        for (Path source : sources) {
            if (!Files.exists(source)) {
                continue;
            }
            for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
                if (line.startsWith("%prod.") && !line.startsWith("#")) {
                    Matcher m = REQUIRED.matcher(line);
                    while (m.find()) {
                        required.add(m.group(1));
                    }
                }
            }
        }
        if (app.equals("gateway")) {
            required.remove("NEIGHBORS_INTERNAL_JWKS"); // the gateway signs; it does not verify internal tokens
        }
        List<JsonNode> base = Overlays.base();
        Set<String> provided = new TreeSet<>();
        Overlays.named(base, "ConfigMap", app + "-config")
                .path("data")
                .fieldNames()
                .forEachRemaining(provided::add);
        Overlays.ofKind(base, "Secret")
                .filter(s -> Overlays.name(s).equals(app + "-secrets"))
                .forEach(s -> s.path("stringData").fieldNames().forEachRemaining(provided::add));
        provided.addAll(envNames(
                Overlays.containers(Overlays.named(base, "Deployment", app)).get(0)));
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(provided);
        assertEquals(Set.of(), missing, app + " needs these in %prod and k8s/base does not set them");
    }

    private static Map<String, Integer> ports(JsonNode container) {
        Map<String, Integer> ports = new TreeMap<>();
        container
                .path("ports")
                .forEach(p -> ports.put(
                        p.path("name").asText(), p.path("containerPort").asInt()));
        return ports;
    }

    private static String probe(JsonNode container, String probe) {
        JsonNode get = container.path(probe).path("httpGet");
        return get.path("path").asText() + " on " + get.path("port").asText() + " "
                + get.path("scheme").asText("HTTP");
    }

    private static Set<String> envSources(JsonNode container) {
        Set<String> sources = new TreeSet<>();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                sources.add(
                        "configMap " + from.path("configMapRef").path("name").asText());
            }
            if (from.has("secretRef")) {
                sources.add("secret " + from.path("secretRef").path("name").asText());
            }
        }
        return sources;
    }

    private static Set<String> envNames(JsonNode container) {
        Set<String> names = new TreeSet<>();
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        return names;
    }

    private static Map<String, String> servicePorts(JsonNode service) {
        Map<String, String> ports = new TreeMap<>();
        service.path("spec")
                .path("ports")
                .forEach(p -> ports.put(
                        p.path("name").asText(),
                        p.path("port").asText() + "->" + p.path("targetPort").asText()));
        return ports;
    }

    /** {@code docker.io/neighbor-share/gateway:0.1.0} → {@code neighbor-share/gateway:0.1.0}. */
    static String withoutRegistry(String image) {
        String[] parts = image.split("/");
        if (parts.length > 2 || parts.length == 2 && parts[0].contains(".")) {
            return String.join("/", java.util.Arrays.copyOfRange(parts, parts.length - 2, parts.length));
        }
        return image;
    }
}
