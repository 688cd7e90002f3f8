package org.neighborshare.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of the Kubernetes issue, one test each, over what the overlays really render (dev and prod). A
 * violation names the object and the rule.
 */
class PolicyTest {

    /** The one container allowed a writable root filesystem, and why: see k8s/overlays/dev/keycloak.yaml. */
    private static final Set<String> WRITABLE_ROOT_ALLOWED = Set.of("dev Deployment/keycloak");

    private static final Map<String, Integer> API_PORT = Map.of(
            "gateway", 8080, "agency-service", 8081, "request-service", 8082, "consent-service", 8083, "portal", 8084);
    private static final Map<String, Integer> MANAGEMENT_PORT = Map.of(
            "gateway", 9080, "agency-service", 9081, "request-service", 9082, "consent-service", 9083, "portal", 9084);

    static List<JsonNode> overlay(String name) {
        return "dev".equals(name) ? Overlays.dev() : Overlays.prod();
    }

    static boolean isApp(JsonNode workload) {
        return Overlays.APPS.contains(Overlays.name(workload));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasStartupLivenessAndReadinessProbesAndLivenessNeverAsksTheDatabase(String overlay) {
        List<String> violations = new ArrayList<>();
        Overlays.workloads(overlay(overlay)).forEach(w -> {
            for (JsonNode c : Overlays.containers(w)) {
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    if (!c.has(probe)) {
                        violations.add(Overlays.id(w) + " has no " + probe);
                    }
                }
                if (isApp(w)) {
                    int mgmt = MANAGEMENT_PORT.get(Overlays.name(w));
                    expectProbe(violations, w, c, "startupProbe", "/q/health/started", mgmt);
                    // /q/health/live holds no datasource check (Quarkus puts those in readiness only)
                    expectProbe(violations, w, c, "livenessProbe", "/q/health/live", mgmt);
                    expectProbe(violations, w, c, "readinessProbe", "/q/health/ready", mgmt);
                }
            }
        });
        assertEquals(List.of(), violations);
    }

    private static void expectProbe(
            List<String> violations, JsonNode w, JsonNode c, String probe, String path, int port) {
        JsonNode get = c.path(probe).path("httpGet");
        if (!path.equals(get.path("path").asText()) || get.path("port").asInt() != port) {
            violations.add(Overlays.id(w) + " " + probe + " is " + get + ", expected " + path + " on " + port);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasCpuAndMemoryRequestsAndLimits(String overlay) {
        List<String> violations = new ArrayList<>();
        Overlays.workloads(overlay(overlay)).forEach(w -> {
            for (JsonNode c : Overlays.containers(w)) {
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (c.path("resources")
                                .path(kind)
                                .path(resource)
                                .asText()
                                .isEmpty()) {
                            violations.add(Overlays.id(w) + " has no " + kind + "." + resource);
                        }
                    }
                }
            }
        });
        assertEquals(List.of(), violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPodRunsAsNonRootWithTheRuntimeDefaultSeccompProfile(String overlay) {
        List<String> violations = new ArrayList<>();
        Overlays.workloads(overlay(overlay)).forEach(w -> {
            JsonNode pod = Overlays.podSpec(w).path("securityContext");
            if (!pod.path("runAsNonRoot").asBoolean(false)) {
                violations.add(Overlays.id(w) + " pod: runAsNonRoot is not true");
            }
            if (pod.path("runAsUser").asInt(0) == 0) {
                violations.add(Overlays.id(w) + " pod: no non-zero runAsUser");
            }
            if (!"RuntimeDefault".equals(pod.path("seccompProfile").path("type").asText())) {
                violations.add(Overlays.id(w) + " pod: seccomp is not RuntimeDefault");
            }
            if (Overlays.podSpec(w).path("hostNetwork").asBoolean(false)
                    || Overlays.podSpec(w).path("hostPID").asBoolean(false)) {
                violations.add(Overlays.id(w) + " shares the host's namespaces");
            }
        });
        assertEquals(List.of(), violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerDropsAllCapabilitiesAndCannotEscalate(String overlay) {
        List<String> violations = new ArrayList<>();
        Overlays.workloads(overlay(overlay)).forEach(w -> {
            for (JsonNode c : Overlays.containers(w)) {
                JsonNode sc = c.path("securityContext");
                if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                    violations.add(Overlays.id(w) + " allows privilege escalation");
                }
                if (sc.path("privileged").asBoolean(false)) {
                    violations.add(Overlays.id(w) + " is privileged");
                }
                Set<String> dropped = new HashSet<>();
                sc.path("capabilities").path("drop").forEach(d -> dropped.add(d.asText()));
                if (!dropped.contains("ALL") || sc.path("capabilities").has("add")) {
                    violations.add(Overlays.id(w) + " does not drop ALL capabilities (or adds some)");
                }
            }
        });
        assertEquals(List.of(), violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasAReadOnlyRootFilesystemAndTheSuiteAWritableTmp(String overlay) {
        List<String> violations = new ArrayList<>();
        Overlays.workloads(overlay(overlay)).forEach(w -> {
            for (JsonNode c : Overlays.containers(w)) {
                boolean readOnly =
                        c.path("securityContext").path("readOnlyRootFilesystem").asBoolean(false);
                if (!readOnly && !WRITABLE_ROOT_ALLOWED.contains(overlay + " " + Overlays.id(w))) {
                    violations.add(Overlays.id(w) + " has a writable root filesystem");
                }
                if (isApp(w)) {
                    boolean tmp = false;
                    for (JsonNode m : c.path("volumeMounts")) {
                        tmp |= "/tmp".equals(m.path("mountPath").asText())
                                && !m.path("readOnly").asBoolean(false)
                                && isEmptyDir(w, m.path("name").asText());
                    }
                    if (!tmp) {
                        violations.add(Overlays.id(w) + " has no writable emptyDir at /tmp");
                    }
                }
            }
        });
        assertEquals(List.of(), violations);
    }

    private static boolean isEmptyDir(JsonNode w, String volume) {
        for (JsonNode v : Overlays.podSpec(w).path("volumes")) {
            if (volume.equals(v.path("name").asText())) {
                return v.has("emptyDir");
            }
        }
        return false;
    }

    private static final Pattern PINNED =
            Pattern.compile("[^:@/]+(/[^:@]+)*(:[A-Za-z0-9_][A-Za-z0-9_.-]*|@sha256:[0-9a-f]{64})");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyImageIsPinnedByTagOrDigestAndNeverLatest(String overlay) {
        List<String> violations = new ArrayList<>();
        Overlays.workloads(overlay(overlay)).forEach(w -> {
            for (JsonNode c : Overlays.containers(w)) {
                String image = c.path("image").asText();
                String afterRegistry = image.contains("/") ? image.substring(image.indexOf('/')) : image;
                if (!PINNED.matcher(image).matches()
                        || image.endsWith(":latest")
                        || !afterRegistry.matches(".*[:@].*")) {
                    violations.add(Overlays.id(w) + " image " + image + " is not pinned by tag or digest");
                }
                if ("Always".equals(c.path("imagePullPolicy").asText()) && !image.contains("@sha256:")) {
                    violations.add(Overlays.id(w) + " pulls a moving tag on every start");
                }
            }
        });
        assertEquals(List.of(), violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPodIsSelectedByTheDefaultDenyAndByAPolicyThatLetsItWork(String overlay) {
        List<JsonNode> objects = overlay(overlay);
        JsonNode deny = Overlays.named(objects, "NetworkPolicy", "default-deny");
        assertEquals("{}", deny.path("spec").path("podSelector").toString(), "default deny selects every pod");
        assertEquals(Set.of("Ingress", "Egress"), NetworkPolicies.types(deny));
        assertFalse(deny.path("spec").has("ingress") || deny.path("spec").has("egress"), "default deny allows nothing");
        List<String> violations = new ArrayList<>();
        Overlays.workloads(objects).forEach(w -> {
            Map<String, String> labels = Overlays.podLabels(w);
            long specific = NetworkPolicies.selecting(objects, labels).stream()
                    .filter(p -> !p.path("spec").path("podSelector").isEmpty())
                    .count();
            if (specific == 0) {
                violations.add(Overlays.id(w) + " is selected by no policy of its own");
            }
            if (NetworkPolicies.ingress(objects, labels).stream().anyMatch(a -> a.startsWith("anywhere"))
                    || NetworkPolicies.egress(objects, labels).stream().anyMatch(a -> a.startsWith("anywhere"))) {
                violations.add(Overlays.id(w) + " is open to or from anywhere");
            }
        });
        assertEquals(List.of(), violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheGatewayAcceptsTrafficFromTheIngressController(String overlay) {
        List<JsonNode> objects = overlay(overlay);
        Map<String, Set<String>> fromIngress = new java.util.TreeMap<>();
        Overlays.workloads(objects).forEach(w -> {
            Set<String> peers = NetworkPolicies.ingress(objects, Overlays.podLabels(w)).stream()
                    .filter(a -> a.startsWith("ns:ingress-nginx"))
                    .collect(Collectors.toSet());
            if (!peers.isEmpty()) {
                fromIngress.put(Overlays.name(w), peers);
            }
        });
        assertEquals(Map.of("gateway", Set.of("ns:ingress-nginx:8080")), fromIngress);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceAcceptsOnlyTheGatewayOnItsApiPortAndMonitoringOnItsManagementPort(String overlay) {
        List<JsonNode> objects = overlay(overlay);
        for (String app : List.of("agency-service", "request-service", "consent-service", "portal")) {
            Set<String> expected = Set.of(
                    "pod:gateway:" + API_PORT.get(app),
                    "ns:monitoring:9080",
                    "ns:monitoring:9081",
                    "ns:monitoring:9082",
                    "ns:monitoring:9083",
                    "ns:monitoring:9084");
            assertEquals(
                    new TreeSet<>(expected),
                    NetworkPolicies.ingress(objects, Overlays.podLabels(Overlays.named(objects, "Deployment", app))),
                    app + " ingress");
        }
        Set<String> gateway = new TreeSet<>(Set.of(
                "ns:ingress-nginx:8080",
                "pod:request-service:8080",
                "pod:consent-service:8080",
                "pod:portal:8080",
                "ns:monitoring:9080",
                "ns:monitoring:9081",
                "ns:monitoring:9082",
                "ns:monitoring:9083",
                "ns:monitoring:9084"));
        assertEquals(
                gateway,
                NetworkPolicies.ingress(objects, Overlays.podLabels(Overlays.named(objects, "Deployment", "gateway"))));
        if ("dev".equals(overlay)) {
            assertEquals(
                    Set.of("pod:agency-service:5432", "pod:request-service:5432", "pod:consent-service:5432"),
                    NetworkPolicies.ingress(objects, Map.of("app.kubernetes.io/name", "postgres")));
            assertEquals(
                    Set.of("pod:consent-service:9000"),
                    NetworkPolicies.ingress(objects, Map.of("app.kubernetes.io/name", "object-store")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void egressIsLimitedToDnsTheDatabaseTheObjectStoreKeycloakAndTheGateway(String overlay) {
        List<JsonNode> objects = overlay(overlay);
        boolean dev = "dev".equals(overlay);
        String db = dev ? "pod:postgres:5432" : "ip:192.0.2.10/32:5432";
        String store = dev ? "pod:object-store:9000" : "ip:192.0.2.20/32:443";
        String keycloak = dev ? "pod:keycloak:8180" : "ip:192.0.2.30/32:443";
        Set<String> dns = Set.of("ns:kube-system/pod:kube-dns:53");
        Map<String, Set<String>> expected = Map.of(
                "gateway",
                        union(
                                dns,
                                Set.of(
                                        keycloak,
                                        "pod:agency-service:8081",
                                        "pod:request-service:8082",
                                        "pod:consent-service:8083",
                                        "pod:portal:8084")),
                "agency-service", union(dns, Set.of(db, keycloak)),
                "request-service", union(dns, Set.of(db, keycloak, "pod:gateway:8080")),
                "consent-service", union(dns, Set.of(db, keycloak, store, "pod:gateway:8080")),
                "portal", union(dns, Set.of(keycloak, "pod:gateway:8080")));
        for (var e : expected.entrySet()) {
            assertEquals(
                    e.getValue(),
                    NetworkPolicies.egress(
                            objects, Overlays.podLabels(Overlays.named(objects, "Deployment", e.getKey()))),
                    e.getKey() + " egress");
        }
        if (dev) {
            for (String dependency : List.of("postgres", "keycloak", "object-store")) {
                assertEquals(
                        dns, NetworkPolicies.egress(objects, Map.of("app.kubernetes.io/name", dependency)), dependency);
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noManagementPortIsExposedByAServiceAnIngressOrAPolicyOutsideMonitoring(String overlay) {
        List<JsonNode> objects = overlay(overlay);
        List<String> violations = new ArrayList<>();
        Set<Integer> management = new HashSet<>(MANAGEMENT_PORT.values());
        Overlays.ofKind(objects, "Service").forEach(s -> {
            for (JsonNode p : s.path("spec").path("ports")) {
                String target = p.path("targetPort").asText();
                if ("management".equals(target)
                        || management.contains(p.path("targetPort").asInt(-1))
                        || management.contains(p.path("port").asInt(-1))) {
                    violations.add(Overlays.id(s) + " exposes a management port");
                }
            }
            if (!"ClusterIP".equals(s.path("spec").path("type").asText("ClusterIP"))) {
                violations.add(Overlays.id(s) + " is reachable from outside the cluster");
            }
        });
        Overlays.workloads(objects).filter(PolicyTest::isApp).forEach(w -> {
            for (String allowed : NetworkPolicies.ingress(objects, Overlays.podLabels(w))) {
                int port = Integer.parseInt(allowed.substring(allowed.lastIndexOf(':') + 1));
                if (management.contains(port) && !allowed.startsWith("ns:monitoring:")) {
                    violations.add(Overlays.id(w) + " management port open to " + allowed);
                }
            }
        });
        assertEquals(List.of(), violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theOnlyIngressTargetsTheGatewaysApiPort(String overlay) {
        List<JsonNode> ingresses = Overlays.ofKind(overlay(overlay), "Ingress").toList();
        if ("dev".equals(overlay)) {
            assertEquals(List.of(), ingresses, "dev is reached by kubectl port-forward, not an Ingress");
            return;
        }
        assertEquals(1, ingresses.size(), "prod has exactly one Ingress");
        Set<String> backends = new TreeSet<>();
        JsonNode spec = ingresses.get(0).path("spec");
        if (spec.has("defaultBackend")) {
            backends.add(spec.path("defaultBackend").toString());
        }
        for (JsonNode rule : spec.path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                JsonNode service = path.path("backend").path("service");
                backends.add(service.path("name").asText() + ":"
                        + service.path("port").path("name").asText()
                        + service.path("port").path("number").asText(""));
            }
        }
        assertEquals(Set.of("gateway:http"), backends);
        assertFalse(spec.path("tls").isEmpty(), "the Ingress terminates TLS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void prodRunsAtLeastTwoReplicasOfEveryAppWithADisruptionBudgetAndAnAutoscaler(String overlay) {
        if (!"prod".equals(overlay)) {
            return;
        }
        List<JsonNode> prod = Overlays.prod();
        List<String> violations = new ArrayList<>();
        for (String app : Overlays.APPS) {
            JsonNode d = Overlays.named(prod, "Deployment", app);
            if (d.path("spec").path("replicas").asInt(1) < 2) {
                violations.add(app + " runs fewer than 2 replicas");
            }
            JsonNode hpa = Overlays.named(prod, "HorizontalPodAutoscaler", app);
            if (hpa.path("spec").path("minReplicas").asInt(1) < 2
                    || !app.equals(
                            hpa.path("spec").path("scaleTargetRef").path("name").asText())) {
                violations.add(app + " HPA does not keep 2 replicas of it");
            }
            JsonNode pdb = Overlays.named(prod, "PodDisruptionBudget", app);
            if (!NetworkPolicies.matches(pdb.path("spec").path("selector"), Overlays.podLabels(d))
                    || pdb.path("spec").path("minAvailable").asInt(0) < 1) {
                violations.add(app + " PDB does not keep one replica of it");
            }
        }
        assertEquals(List.of(), violations);
    }

    /** Names of keys that hold credentials; their values must be marked local-demo, REPLACE-ME, or demo key files. */
    private static final Pattern CREDENTIAL =
            Pattern.compile("(?i)(.*[_.-])?(password|secret|key|token|credentials?)([_.-].*)?|.*\\.pem");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretHoldsARealLookingCredential(String overlay) throws IOException {
        Set<String> demoFiles = localDemoKeyFiles();
        List<String> violations = new ArrayList<>();
        Overlays.ofKind(overlay(overlay), "Secret").forEach(s -> {
            for (var e : secretValues(s).entrySet()) {
                if (!isMarked(e.getValue(), demoFiles)) {
                    violations.add(Overlays.id(s) + " " + e.getKey() + " looks like a real credential");
                }
            }
        });
        Overlays.ofKind(overlay(overlay), "ConfigMap")
                .forEach(c -> c.path("data").fieldNames().forEachRemaining(k -> {
                    if (CREDENTIAL.matcher(k).matches() && !k.endsWith("_FILE") && !k.endsWith("_KEY_ID")) {
                        violations.add(Overlays.id(c) + " carries " + k + " in a ConfigMap");
                    }
                }));
        Overlays.workloads(overlay(overlay)).forEach(w -> {
            for (JsonNode c : Overlays.containers(w)) {
                for (JsonNode env : c.path("env")) {
                    if (env.has("value")
                            && CREDENTIAL.matcher(env.path("name").asText()).matches()) {
                        violations.add(
                                Overlays.id(w) + " sets " + env.path("name").asText() + " in plain text");
                    }
                }
            }
        });
        assertEquals(List.of(), violations);
    }

    /** The detector itself: what would count as real, and what is marked. */
    @ParameterizedTest
    @ValueSource(strings = {"hunter2-Pr0duction", "AKIAIOSFODNN7EXAMPLE", "-----BEGIN PRIVATE KEY-----\nMIIE\n"})
    void aRealLookingValueIsCaught(String value) throws IOException {
        assertFalse(isMarked(value, localDemoKeyFiles()));
        assertTrue(isMarked("local-demo-anything", Set.of()));
        assertTrue(isMarked("REPLACE-ME", Set.of()));
    }

    private static boolean isMarked(String value, Set<String> demoFiles) {
        return value.equals("REPLACE-ME")
                || value.startsWith("local-demo")
                || demoFiles.contains(value)
                || value.isEmpty();
    }

    private static Map<String, String> secretValues(JsonNode secret) {
        Map<String, String> values = new java.util.TreeMap<>();
        secret.path("stringData")
                .fields()
                .forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText()));
        secret.path("data")
                .fields()
                .forEachRemaining(f -> values.put(
                        f.getKey(),
                        new String(Base64.getMimeDecoder().decode(f.getValue().asText()), StandardCharsets.UTF_8)));
        // user names are not credentials: only credential-named keys count
        values.keySet().removeIf(k -> !CREDENTIAL.matcher(k).matches() && !k.endsWith("_ID"));
        return values;
    }

    /** The clearly marked local-demo key files of the repository (dev mounts them). */
    private static Set<String> localDemoKeyFiles() throws IOException {
        Set<String> files = new HashSet<>();
        try (Stream<Path> all = Files.walk(Overlays.home(), 6)) {
            for (Path p : all.filter(p -> p.getParent() != null
                            && p.getParent().getFileName().toString().equals("local-demo-keys")
                            && p.toString().contains("/src/main/resources/")
                            && Files.isRegularFile(p))
                    .toList()) {
                files.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void appsShutDownGracefullyAndGetNoKubernetesApiToken(String overlay) {
        List<JsonNode> objects = overlay(overlay);
        List<String> violations = new ArrayList<>();
        Overlays.workloads(objects).forEach(w -> {
            if (Overlays.podSpec(w).path("automountServiceAccountToken").asBoolean(true)) {
                violations.add(Overlays.id(w) + " mounts a Kubernetes API token");
            }
            if (!isApp(w)) {
                return;
            }
            long grace =
                    Overlays.podSpec(w).path("terminationGracePeriodSeconds").asLong(30);
            JsonNode config = Overlays.named(objects, "ConfigMap", Overlays.name(w) + "-config");
            String timeout =
                    config.path("data").path("QUARKUS_SHUTDOWN_TIMEOUT").asText("");
            if (timeout.isEmpty()) {
                violations.add(Overlays.id(w) + " does not wait for in-flight requests (QUARKUS_SHUTDOWN_TIMEOUT)");
            } else if (Duration.parse("PT" + timeout.toUpperCase(java.util.Locale.ROOT))
                                    .toSeconds()
                            + 5
                    > grace) {
                violations.add(Overlays.id(w) + " is killed before its in-flight requests can finish");
            }
        });
        assertEquals(List.of(), violations);
    }
}
