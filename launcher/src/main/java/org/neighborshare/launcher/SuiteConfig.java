package org.neighborshare.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the suite keeps its data and which ports it uses. Immutable; change it with the {@code with…}
 * methods.
 *
 * @param repoRoot        the repository root (holds {@code keycloak/neighbors-realm.json} and the modules)
 * @param dataDir         PostgreSQL data, the unpacked Keycloak (with its dev database), logs, services' work dirs
 * @param services        the Quarkus services {@link Suite#start()} starts, a subset of
 *                        {@link Services#QUARKUS_SERVICES}, kept in that order
 * @param consoleLogs     print each process's output on stdout, prefixed {@code [agency  ] }
 * @param fileLogs        append each process's output to {@code dataDir/logs/<name>.log}
 * @param extraArgs       per part (canonical name): extra JVM arguments for a Quarkus service
 *                        (e.g. {@code -Dx=y}, placed before {@code -jar}), extra {@code kc.sh} arguments for keycloak
 * @param keycloakTimeout how long to wait for Keycloak's realm to be served
 * @param serviceTimeout  how long to wait for a service's {@code /q/health/ready} (on its management port)
 *
 * <p>Each Quarkus service has a second port, its management interface ({@link #managementPort}): health and
 * metrics live only there, never on the port that serves the API.
 */
public record SuiteConfig(
        Path repoRoot,
        Path dataDir,
        int postgresPort,
        int keycloakPort,
        int gatewayPort,
        int agencyPort,
        int requestPort,
        int consentPort,
        List<String> services,
        boolean consoleLogs,
        boolean fileLogs,
        Map<String, List<String>> extraArgs,
        Duration keycloakTimeout,
        Duration serviceTimeout) {

    /** System property naming the repository root; otherwise it is searched upwards from the working directory. */
    public static final String HOME_PROPERTY = "neighbors.home";
    /** The file that marks the repository root. */
    public static final String REALM_FILE = "keycloak/neighbors-realm.json";

    public static final Duration DEFAULT_KEYCLOAK_TIMEOUT = Duration.ofSeconds(300);
    public static final Duration DEFAULT_SERVICE_TIMEOUT = Duration.ofSeconds(120);
    /**
     * A service's management interface listens this far above its HTTP port (gateway 8080 → 9080, e2e 18080 →
     * 19080), so every way of moving the HTTP ports (the e2e port offset included) moves the management ports too.
     */
    public static final int MANAGEMENT_PORT_SHIFT = 1000;
    /**
     * The portal listens this far above the gateway (8084, e2e 18084), so every way of moving the gateway's port
     * moves it too. Only the gateway calls it: the browser sees the gateway's origin.
     */
    public static final int PORTAL_PORT_SHIFT = 4;

    public SuiteConfig {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        List<String> canonical = new ArrayList<>();
        for (String s : services) {
            String c = Services.canonical(s);
            if (!Services.QUARKUS_SERVICES.contains(c)) {
                throw new IllegalArgumentException(
                        c + " is not a Quarkus service; services: " + Services.QUARKUS_SERVICES);
            }
            if (!canonical.contains(c)) {
                canonical.add(c);
            }
        }
        canonical.sort((a, b) -> Services.QUARKUS_SERVICES.indexOf(a) - Services.QUARKUS_SERVICES.indexOf(b));
        services = List.copyOf(canonical);
        Map<String, List<String>> extra = new LinkedHashMap<>();
        extraArgs.forEach((k, v) -> extra.merge(Services.canonical(k), List.copyOf(v), SuiteConfig::concat));
        extraArgs = Map.copyOf(extra);
        Set<Integer> seen = new HashSet<>();
        for (int p : new int[] {
            postgresPort,
            keycloakPort,
            gatewayPort,
            agencyPort,
            requestPort,
            consentPort,
            gatewayPort + PORTAL_PORT_SHIFT,
            gatewayPort + PORTAL_PORT_SHIFT + MANAGEMENT_PORT_SHIFT,
            gatewayPort + MANAGEMENT_PORT_SHIFT,
            agencyPort + MANAGEMENT_PORT_SHIFT,
            requestPort + MANAGEMENT_PORT_SHIFT,
            consentPort + MANAGEMENT_PORT_SHIFT
        }) {
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("port out of range: " + p);
            }
            if (!seen.add(p)) {
                throw new IllegalArgumentException("port used twice: " + p);
            }
        }
        if (keycloakTimeout.isNegative()
                || keycloakTimeout.isZero()
                || serviceTimeout.isNegative()
                || serviceTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /**
     * The local run: {@code <repo>/.local}, PostgreSQL 54320, Keycloak 8180, gateway 8080, services 8081–8083
     * (management interfaces 9080–9083), all four services, logs on the console and in files.
     */
    public static SuiteConfig defaults() {
        return defaults(findRepoRoot());
    }

    public static SuiteConfig defaults(Path repoRoot) {
        return new SuiteConfig(
                repoRoot,
                repoRoot.resolve(".local"),
                54320,
                8180,
                8080,
                8081,
                8082,
                8083,
                Services.QUARKUS_SERVICES,
                true,
                true,
                Map.of(),
                DEFAULT_KEYCLOAK_TIMEOUT,
                DEFAULT_SERVICE_TIMEOUT);
    }

    /**
     * The flag that lets the end-to-end suite move the data services' clocks forward (shared's
     * {@code TestClockRoutes}, on their management ports). Only {@link #forTests} sets it; never the local run.
     */
    public static final String TEST_CLOCK_FLAG = "-Dneighbors.test-clock.enabled=true";

    /**
     * The scheduled jobs look every 2 s in the end-to-end suite instead of every minute, so that a test which moved
     * the clock sees retention and expiry within seconds.
     */
    static final List<String> TEST_SCHEDULES = List.of(
            "-Dconsent.retention.check-every=2s", "-Drequests.expiry-check-every=2s", "-Dagency.expiry-check-every=2s");

    /**
     * For end-to-end tests: the {@link #defaults()} on the {@link #withTestPorts() test ports}, in the given data
     * dir (pass a fresh one for a fresh suite), logs to files only, the data services' clocks movable
     * ({@link #TEST_CLOCK_FLAG}) and their scheduled jobs quick ({@link #TEST_SCHEDULES}).
     */
    public static SuiteConfig forTests(Path dataDir) {
        SuiteConfig c =
                defaults(findRepoRoot()).withDataDir(dataDir).withTestPorts().withConsoleLogs(false);
        for (String service : Services.DATA_SERVICES) {
            c = c.withExtraArgs(service, TEST_CLOCK_FLAG);
            c = c.withExtraArgs(service, TEST_SCHEDULES.toArray(String[]::new));
        }
        return c;
    }

    /**
     * The repository root: the system property {@value #HOME_PROPERTY} if set, else the nearest folder
     * at or above the working directory that holds {@value #REALM_FILE}.
     *
     * @throws IllegalStateException if there is none
     */
    public static Path findRepoRoot() {
        return findRepoRoot(System.getProperty(HOME_PROPERTY), Path.of(System.getProperty("user.dir")));
    }

    static Path findRepoRoot(String home, Path start) {
        if (home != null && !home.isBlank()) {
            Path root = Path.of(home).toAbsolutePath().normalize();
            if (!Files.isRegularFile(root.resolve(REALM_FILE))) {
                throw new IllegalStateException("-D" + HOME_PROPERTY + "=" + home + " does not hold " + REALM_FILE);
            }
            return root;
        }
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(REALM_FILE))) {
                return p;
            }
        }
        throw new IllegalStateException("no Neighbor Share checkout at or above " + start + " (looked for " + REALM_FILE
                + "); run from the repository or pass -D" + HOME_PROPERTY + "=<repo>");
    }

    /** The port of a part: postgres, keycloak or one of the four services. */
    public int port(String name) {
        switch (Services.canonical(name)) {
            case Services.POSTGRES:
                return postgresPort;
            case Services.KEYCLOAK:
                return keycloakPort;
            case Services.GATEWAY:
                return gatewayPort;
            case Services.AGENCY:
                return agencyPort;
            case Services.REQUEST:
                return requestPort;
            case Services.CONSENT:
                return consentPort;
            case Services.PORTAL:
                return gatewayPort + PORTAL_PORT_SHIFT;
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /** The port of a Quarkus service's management interface (health, metrics): its HTTP port + 1000. */
    public int managementPort(String name) {
        String c = Services.canonical(name);
        if (!Services.QUARKUS_SERVICES.contains(c)) {
            throw new IllegalArgumentException(c + " has no management interface");
        }
        return port(c) + MANAGEMENT_PORT_SHIFT;
    }

    /** {@code http://localhost:<management port>} of a Quarkus service: {@code /q/health}, {@code /q/metrics}. */
    public String managementUrl(String name) {
        return "http://localhost:" + managementPort(name);
    }

    /** {@code http://localhost:<port>} of keycloak or a service. */
    public String url(String name) {
        if (Services.POSTGRES.equals(Services.canonical(name))) {
            throw new IllegalArgumentException("postgres has no HTTP URL; use jdbcUrl(db)");
        }
        return "http://localhost:" + port(name);
    }

    public String gatewayUrl() {
        return url(Services.GATEWAY);
    }

    public String keycloakUrl() {
        return url(Services.KEYCLOAK);
    }

    /** The realm's issuer: {@code http://localhost:<kc>/realms/neighbors}. */
    public String issuerUrl() {
        return keycloakUrl() + "/realms/neighbors";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    /** The extra arguments for a part (empty if none). */
    public List<String> extraArgs(String name) {
        return extraArgs.getOrDefault(Services.canonical(name), List.of());
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public SuiteConfig withRepoRoot(Path root) {
        return new SuiteConfig(
                root,
                dataDir,
                postgresPort,
                keycloakPort,
                gatewayPort,
                agencyPort,
                requestPort,
                consentPort,
                services,
                consoleLogs,
                fileLogs,
                extraArgs,
                keycloakTimeout,
                serviceTimeout);
    }

    public SuiteConfig withDataDir(Path dir) {
        return new SuiteConfig(
                repoRoot,
                dir,
                postgresPort,
                keycloakPort,
                gatewayPort,
                agencyPort,
                requestPort,
                consentPort,
                services,
                consoleLogs,
                fileLogs,
                extraArgs,
                keycloakTimeout,
                serviceTimeout);
    }

    /**
     * The end-to-end tests' ports, which do not clash with a local run: PostgreSQL 54330, Keycloak 18180, gateway
     * 18080, services 18081–18083 (management interfaces 19080–19083).
     */
    public SuiteConfig withTestPorts() {
        return withPorts(54330, 18180, 18080, 18081, 18082, 18083);
    }

    public SuiteConfig withPorts(int postgres, int keycloak, int gateway, int agency, int request, int consent) {
        return new SuiteConfig(
                repoRoot,
                dataDir,
                postgres,
                keycloak,
                gateway,
                agency,
                request,
                consent,
                services,
                consoleLogs,
                fileLogs,
                extraArgs,
                keycloakTimeout,
                serviceTimeout);
    }

    /** Which Quarkus services {@link Suite#start()} starts (PostgreSQL and Keycloak always start). */
    public SuiteConfig withServices(String... names) {
        return withServices(Arrays.asList(names));
    }

    public SuiteConfig withServices(List<String> names) {
        return new SuiteConfig(
                repoRoot,
                dataDir,
                postgresPort,
                keycloakPort,
                gatewayPort,
                agencyPort,
                requestPort,
                consentPort,
                names,
                consoleLogs,
                fileLogs,
                extraArgs,
                keycloakTimeout,
                serviceTimeout);
    }

    public SuiteConfig withConsoleLogs(boolean on) {
        return new SuiteConfig(
                repoRoot,
                dataDir,
                postgresPort,
                keycloakPort,
                gatewayPort,
                agencyPort,
                requestPort,
                consentPort,
                services,
                on,
                fileLogs,
                extraArgs,
                keycloakTimeout,
                serviceTimeout);
    }

    public SuiteConfig withFileLogs(boolean on) {
        return new SuiteConfig(
                repoRoot,
                dataDir,
                postgresPort,
                keycloakPort,
                gatewayPort,
                agencyPort,
                requestPort,
                consentPort,
                services,
                consoleLogs,
                on,
                extraArgs,
                keycloakTimeout,
                serviceTimeout);
    }

    /** Adds arguments for one part (see {@link #extraArgs()}); earlier ones are kept. */
    public SuiteConfig withExtraArgs(String name, String... args) {
        Map<String, List<String>> extra = new LinkedHashMap<>(extraArgs);
        extra.merge(Services.canonical(name), List.of(args), SuiteConfig::concat);
        return new SuiteConfig(
                repoRoot,
                dataDir,
                postgresPort,
                keycloakPort,
                gatewayPort,
                agencyPort,
                requestPort,
                consentPort,
                services,
                consoleLogs,
                fileLogs,
                extra,
                keycloakTimeout,
                serviceTimeout);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
