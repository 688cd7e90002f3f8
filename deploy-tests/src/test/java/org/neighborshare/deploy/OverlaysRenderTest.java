package org.neighborshare.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Both overlays render with {@code kubectl kustomize} and hold what each promises. */
class OverlaysRenderTest {

    @Test
    void devRendersEveryAppWithItsDependenciesInTheCluster() {
        List<JsonNode> dev = Overlays.dev();
        for (String app : Overlays.APPS) {
            for (String kind : List.of("Deployment", "Service", "ServiceAccount")) {
                Overlays.named(dev, kind, app);
            }
            Overlays.named(dev, "ConfigMap", app + "-config");
            Overlays.named(dev, "Secret", app + "-secrets");
            assertEquals(
                    1,
                    Overlays.named(dev, "Deployment", app)
                            .path("spec")
                            .path("replicas")
                            .asInt(),
                    app);
        }
        for (String dependency : List.of("postgres", "keycloak", "object-store")) {
            Overlays.named(dev, "Deployment", dependency);
            Overlays.named(dev, "Service", dependency);
        }
        assertTrue(
                Overlays.named(dev, "ConfigMap", "keycloak-realm")
                        .path("data")
                        .path("neighbors-realm.json")
                        .asText()
                        .contains("\"realm\""),
                "the realm is imported from keycloak/neighbors-realm.json");
        assertEquals(
                "s3",
                Overlays.named(dev, "ConfigMap", "consent-service-config")
                        .path("data")
                        .path("CONSENT_CLIPS_STORE")
                        .asText());
        assertEquals(Set.of("neighbor-share-dev"), namespaces(dev));
    }

    @Test
    void prodRendersTheAppsOnlyAndNoCredential() {
        List<JsonNode> prod = Overlays.prod();
        for (String app : Overlays.APPS) {
            Overlays.named(prod, "Deployment", app);
            Overlays.named(prod, "HorizontalPodAutoscaler", app);
            Overlays.named(prod, "PodDisruptionBudget", app);
        }
        Set<String> workloads = Overlays.workloads(prod).map(Overlays::name).collect(Collectors.toSet());
        assertEquals(Set.copyOf(Overlays.APPS), workloads, "no database, Keycloak or object store in prod");
        assertEquals(0, Overlays.ofKind(prod, "Secret").count(), "prod applies no Secret: you create them");
        assertEquals(Set.of("neighbor-share"), namespaces(prod));
    }

    private static Set<String> namespaces(List<JsonNode> objects) {
        return objects.stream()
                .map(o -> o.path("metadata").path("namespace").asText())
                .collect(Collectors.toSet());
    }
}
