package org.neighborshare.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local}: the whole suite with the default config, a banner with the URLs and demo users,
 * then running until Ctrl-C, which stops everything.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar launcher/target/neighbors-launcher.jar [options]   (normally via ./run-local)
              Starts PostgreSQL, Keycloak and the four services of Neighbor Share; Ctrl-C stops everything.
              --data-dir DIR     where the data lives (default <repo>/.local; delete it for a fresh start)
              --test-ports       the end-to-end tests' ports (gateway 18080, Keycloak 18180, ...)
              --services LIST    only these services, comma-separated (e.g. agency,gateway; 'none')
              -Dneighbors.home=<repo> if not started from inside the checkout""";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        SuiteConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.println(USAGE);
            return;
        }
        Suite suite = new Suite(config);
        try {
            suite.start();
        } catch (SuiteException e) {
            suite.close();
            if (shuttingDown()) {
                return; // Ctrl-C while starting: the shutdown hook has stopped everything
            }
            System.err.println();
            System.err.println("Neighbor Share did not start:");
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        printBanner(System.out, suite);
        new CountDownLatch(1).await(); // until Ctrl-C: the suite's shutdown hook stops everything
    }

    /** The config for the arguments, or {@code null} for --help. */
    static SuiteConfig parse(String[] args) {
        SuiteConfig config = SuiteConfig.defaults();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h":
                case "--help":
                    return null;
                case "--test-ports":
                    SuiteConfig t = SuiteConfig.forTests(config.dataDir());
                    config = config.withPorts(t.postgresPort(), t.keycloakPort(), t.gatewayPort(), t.agencyPort(),
                            t.requestPort(), t.consentPort());
                    break;
                case "--data-dir":
                    config = config.withDataDir(Path.of(value(args, ++i, "--data-dir")));
                    break;
                case "--services":
                    String list = value(args, ++i, "--services");
                    config = config.withServices("none".equals(list) ? List.of()
                            : List.of(list.split("\\s*,\\s*")));
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument: " + args[i] + "\n" + USAGE);
            }
        }
        return config;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** True once the JVM is shutting down (System.exit would then block forever). */
    private static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    static void printBanner(PrintStream out, Suite suite) {
        SuiteConfig c = suite.config();
        String kc = c.keycloakUrl();
        StringBuilder sb = new StringBuilder();
        sb.append('\n');
        sb.append("================================================================================\n");
        sb.append(" Neighbor Share is running (local demo). Ctrl-C stops everything.\n");
        sb.append("================================================================================\n");
        sb.append(String.format("  %-17s %s%n", "Gateway (API)", c.gatewayUrl()));
        if (c.services().contains(Services.GATEWAY)) {
            sb.append(String.format("  %-17s %s/q/health, %s/q/metrics  (management port, not public)%n",
                    "gateway health", c.managementUrl(Services.GATEWAY), c.managementUrl(Services.GATEWAY)));
        }
        sb.append(String.format("  %-17s %s   admin console %s/admin  (%s / %s, local demo only)%n", "Keycloak", kc, kc,
                Suite.KEYCLOAK_ADMIN, Suite.KEYCLOAK_ADMIN_PASSWORD));
        sb.append(String.format("  %-17s %s%n", "realm issuer", c.issuerUrl()));
        for (String s : c.services()) {
            if (!Services.GATEWAY.equals(s)) {
                sb.append(String.format("  %-17s %s  (behind the gateway; health and metrics on %s)%n", s,
                        c.url(s), c.managementUrl(s)));
            }
        }
        sb.append(String.format("  %-17s localhost:%d  (user postgres, databases %s)%n", "PostgreSQL",
                c.postgresPort(), String.join(", ", Services.DATABASES)));
        sb.append(String.format("  %-17s %s  (logs in %s; delete it for a fresh start)%n", "data", c.dataDir(),
                c.logDir()));
        Map<String, Duration> ready = suite.readyTimes();
        if (!ready.isEmpty()) {
            StringBuilder times = new StringBuilder();
            ready.forEach((k, v) -> times.append(times.length() == 0 ? "" : ", ").append(Services.logName(k))
                    .append(' ').append(Suite.format(v)));
            sb.append(String.format("  %-17s %s%n", "ready after", times));
        }
        sb.append('\n');
        Path realm = c.repoRoot().resolve(SuiteConfig.REALM_FILE);
        try {
            List<DemoUsers.DemoUser> users = DemoUsers.read(realm);
            sb.append(" Demo users (password for all: ").append(DemoUsers.DEMO_PASSWORD)
                    .append("; password grant through the neighbors-demo-cli client, see README)\n");
            sb.append(DemoUsers.table(users));
        } catch (RuntimeException e) {
            sb.append(" (could not read the demo users from ").append(realm).append(": ").append(e.getMessage())
                    .append(")\n");
        }
        sb.append("================================================================================\n");
        out.print(sb);
        out.flush();
    }
}
