package org.neighborshare.launcher;

import java.nio.file.Path;
import java.util.List;
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
              --port-offset N    every port moved by N (after --test-ports), so that two suites run side by side
              --services LIST    only these services, comma-separated (e.g. agency,gateway; 'none')
              -Dneighbors.home=<repo> if not started from inside the checkout""";

    private Main() {}

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
        System.out.print(Banner.text(config, suite.readyTimes()));
        // Each part's time to ready and resident memory, right after start (the start-up and memory figures).
        suite.printFootprint(System.out);
        System.out.flush();
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
                    config = config.withTestPorts();
                    break;
                case "--port-offset":
                    config = shifted(config, Integer.parseInt(value(args, ++i, "--port-offset")));
                    break;
                case "--data-dir":
                    config = config.withDataDir(Path.of(value(args, ++i, "--data-dir")));
                    break;
                case "--services":
                    String list = value(args, ++i, "--services");
                    config = config.withServices("none".equals(list) ? List.of() : List.of(list.split("\\s*,\\s*")));
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument: " + args[i] + "\n" + USAGE);
            }
        }
        return config;
    }

    private static SuiteConfig shifted(SuiteConfig c, int offset) {
        return c.withPorts(
                c.port("postgres") + offset,
                c.port("keycloak") + offset,
                c.port("gateway") + offset,
                c.port("agency-service") + offset,
                c.port("request-service") + offset,
                c.port("consent-service") + offset);
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
            Thread probe = new Thread(() -> {});
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
