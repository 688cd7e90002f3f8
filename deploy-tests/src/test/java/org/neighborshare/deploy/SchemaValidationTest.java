package org.neighborshare.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every rendered object validates offline, twice: against the Kubernetes API schemas of the npm package
 * {@code kubernetes-models} (types, enums, required fields; installed by this test from the committed lock file
 * into target/), and by strict parsing into the typed fabric8 model, where a field Kubernetes does not know (a
 * typo that {@code kubectl apply} would drop or refuse) is an error.
 */
class SchemaValidationTest {

    private static final ObjectMapper STRICT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @Test
    void devValidatesAgainstTheKubernetesSchemas() {
        assertValid("dev", Overlays.dev());
    }

    @Test
    void prodValidatesAgainstTheKubernetesSchemas() {
        assertValid("prod", Overlays.prod());
    }

    @Test
    void devHasNoFieldKubernetesDoesNotKnow() {
        assertEquals(List.of(), unknownFields(Overlays.dev()));
    }

    @Test
    void prodHasNoFieldKubernetesDoesNotKnow() {
        assertEquals(List.of(), unknownFields(Overlays.prod()));
    }

    /** The checks can fail: a wrong type and a misspelt field are both caught. */
    @Test
    void aBrokenObjectIsCaughtByBothChecks() {
        JsonNode deployment =
                Overlays.named(Overlays.prod(), "Deployment", "gateway").deepCopy();
        ((ObjectNode) deployment.path("spec")).put("replicas", "two");
        String out = validate(List.of(deployment));
        assertTrue(out.contains("FAIL Deployment/gateway") && out.contains("replicas"), out);

        JsonNode typo = Overlays.named(Overlays.prod(), "Deployment", "gateway").deepCopy();
        ((ObjectNode) typo.path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")
                        .get(0))
                .put("imagePulPolicy", "Always");
        assertEquals(
                List.of("Deployment/gateway: unknown field imagePulPolicy in Container"), unknownFields(List.of(typo)));
    }

    private static void assertValid(String overlay, List<JsonNode> objects) {
        String out = validate(objects);
        long ok = out.lines().filter(l -> l.startsWith("OK ")).count();
        assertEquals(objects.size(), ok, overlay + ": every object validates\n" + out);
    }

    /** Runs validate.mjs over the objects; its report, one line per object. */
    static String validate(List<JsonNode> objects) {
        objects = objects.stream().map(SchemaValidationTest::unwrappedBase64).toList();
        Path dir = nodeModules();
        try {
            Process p = new ProcessBuilder("node", "validate.mjs")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            try (var in = p.getOutputStream()) {
                in.write(Overlays.JSON.writeValueAsBytes(objects));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("schema validation did not finish");
            }
            return out;
        } catch (IOException e) {
            return fail("could not run node (the schema check needs Node.js and npm): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /**
     * kustomize's secretGenerator wraps long base64 values over several lines; the API server's decoder (Go's
     * encoding/base64) ignores those line breaks, the schema's "byte" format does not, so they are removed here.
     */
    static JsonNode unwrappedBase64(JsonNode o) {
        if (!"Secret".equals(o.path("kind").asText()) || !o.has("data")) {
            return o;
        }
        ObjectNode copy = o.deepCopy();
        ObjectNode data = (ObjectNode) copy.path("data");
        List<String> keys = new ArrayList<>();
        data.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
            data.put(k, data.path(k).asText().replaceAll("[\\r\\n]", ""));
        }
        return copy;
    }

    /** kubernetes-models installed into target/schema-validation with npm ci (once; then reused). */
    static synchronized Path nodeModules() {
        Path dir = Path.of("target", "schema-validation").toAbsolutePath();
        Path marker = dir.resolve("node_modules/kubernetes-models/package.json");
        try {
            if (!Files.exists(marker)) {
                Files.createDirectories(dir);
                for (String f : List.of("package.json", "package-lock.json", "validate.mjs")) {
                    Files.copy(
                            Path.of("src/test/node", f),
                            dir.resolve(f),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                Overlays.run("npm", "ci", "--prefix", dir.toString(), "--no-audit", "--no-fund", "--loglevel=error");
            } else {
                Files.copy(
                        Path.of("src/test/node/validate.mjs"),
                        dir.resolve("validate.mjs"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            fail("could not prepare the schema validator: " + e.getMessage());
        }
        return dir;
    }

    /** Strict parse into fabric8's model; every field that landed in an additionalProperties map is unknown. */
    static List<String> unknownFields(List<JsonNode> objects) {
        List<String> unknown = new ArrayList<>();
        for (JsonNode o : objects) {
            Object typed;
            try {
                typed = STRICT.treeToValue(o, KubernetesResource.class);
            } catch (IOException e) {
                unknown.add(Overlays.id(o) + ": " + e.getMessage());
                continue;
            }
            walk(Overlays.id(o), typed, unknown);
        }
        return unknown;
    }

    private static void walk(String id, Object value, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            c.forEach(v -> walk(id, v, unknown));
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> walk(id, v, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0
                    || Modifier.isStatic(m.getModifiers())
                    || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = m.invoke(value);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra) {
                    extra.keySet()
                            .forEach(k -> unknown.add(id + ": unknown field " + k + " in "
                                    + value.getClass().getSimpleName()));
                }
            } else {
                walk(id, child, unknown);
            }
        }
    }
}
