package org.neighborshare.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.neighborshare.launcher.Suite;
import org.neighborshare.launcher.SuiteConfig;

/**
 * Starts the whole suite once per test JVM (embedded PostgreSQL, Keycloak with the repo's realm, the four
 * services from their packaged jars) exactly as the run command does, on the test ports, and stops it when
 * the JVM's tests are done.
 */
public class RunningSuite implements BeforeAllCallback {

    private static Suite suite;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (RunningSuite.class) {
            if (suite == null) {
                Path data = Files.createTempDirectory("neighbor-share-e2e");
                Suite s = new Suite(
                        shifted(SuiteConfig.forTests(data), Integer.getInteger("neighbors.e2e.port-offset", 0))
                                .withConsoleLogs(false)
                                .withFileLogs(true));
                // Closed by JUnit when the whole run ends: prints each part's time to ready and resident memory
                // after every test (README, "Start-up and memory"), stops every process, removes the temp folder.
                AutoCloseable cleanup = () -> {
                    System.out.println("suite footprint after the end-to-end run:");
                    s.printFootprint(System.out);
                    s.close();
                    deleteRecursively(data);
                };
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("neighbor-share-suite", cleanup);
                s.start();
                suite = s;
            }
        }
    }

    /** {@code -Dneighbors.e2e.port-offset=N} moves every port by N so that two suites can run side by side. */
    private static SuiteConfig shifted(SuiteConfig c, int offset) {
        if (offset == 0) {
            return c;
        }
        return c.withPorts(
                c.port("postgres") + offset,
                c.port("keycloak") + offset,
                c.port("gateway") + offset,
                c.port("agency-service") + offset,
                c.port("request-service") + offset,
                c.port("consent-service") + offset);
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    public static Suite suite() {
        return suite;
    }

    public static SuiteConfig config() {
        return suite.config();
    }
}
