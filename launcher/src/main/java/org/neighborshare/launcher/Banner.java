package org.neighborshare.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What {@code ./run-local} prints once the suite is ready: where each part answers, and the demo users. */
final class Banner {

    private static final String RULE =
            "================================================================================\n";
    private static final String ROW = "  %-17s %s%n";

    private Banner() {}

    /**
     * @param config     the running suite's config
     * @param readyTimes time to ready per part, in start order (see {@link Suite#readyTimes()})
     */
    static String text(SuiteConfig config, Map<String, Duration> readyTimes) {
        StringBuilder sb = new StringBuilder("\n");
        sb.append(RULE);
        sb.append(" Neighbor Share is running (local demo). Ctrl-C stops everything.\n");
        sb.append(RULE);
        urls(sb, config);
        readyAfter(sb, readyTimes);
        sb.append('\n');
        demoUsers(sb, config.repoRoot().resolve(SuiteConfig.REALM_FILE));
        sb.append(RULE);
        return sb.toString();
    }

    private static void urls(StringBuilder sb, SuiteConfig c) {
        String kc = c.keycloakUrl();
        sb.append(String.format(ROW, "Portal (web)", c.gatewayUrl() + "/  (open this in a browser)"));
        sb.append(String.format(ROW, "Gateway (API)", c.gatewayUrl() + "/api/"));
        if (c.services().contains(Services.GATEWAY)) {
            String management = c.managementUrl(Services.GATEWAY);
            sb.append(String.format(
                    ROW,
                    "gateway health",
                    management + "/q/health, " + management + "/q/metrics  (management port, not public)"));
        }
        sb.append(String.format(
                ROW,
                "Keycloak",
                kc + "   admin console " + kc + "/admin  (" + Keycloak.ADMIN_USERNAME + " / " + Keycloak.ADMIN_PASSWORD
                        + ", local demo only)"));
        sb.append(String.format(ROW, "realm issuer", c.issuerUrl()));
        for (String s : c.services()) {
            if (!Services.GATEWAY.equals(s)) {
                // The portal, like every service, is reached only through the gateway.
                sb.append(String.format(
                        ROW, s, c.url(s) + "  (behind the gateway; health and metrics on " + c.managementUrl(s) + ")"));
            }
        }
        sb.append(String.format(
                ROW,
                "PostgreSQL",
                "localhost:" + c.postgresPort() + "  (user " + Postgres.USER + ", databases "
                        + String.join(", ", Services.DATABASES) + ")"));
        sb.append(String.format(
                ROW, "data", c.dataDir() + "  (logs in " + c.logDir() + "; delete it for a fresh start)"));
    }

    private static void readyAfter(StringBuilder sb, Map<String, Duration> readyTimes) {
        if (readyTimes.isEmpty()) {
            return;
        }
        StringBuilder times = new StringBuilder();
        readyTimes.forEach((part, d) -> times.append(times.length() == 0 ? "" : ", ")
                .append(Services.logName(part))
                .append(' ')
                .append(Readiness.seconds(d)));
        sb.append(String.format(ROW, "ready after", times));
    }

    private static void demoUsers(StringBuilder sb, Path realm) {
        try {
            List<DemoUsers.DemoUser> users = DemoUsers.read(realm);
            sb.append(" Demo users (password for all: ")
                    .append(DemoUsers.DEMO_PASSWORD)
                    .append("; password grant through the neighbors-demo-cli client, see README)\n");
            sb.append(DemoUsers.table(users));
        } catch (RuntimeException e) {
            sb.append(" (could not read the demo users from ")
                    .append(realm)
                    .append(": ")
                    .append(e.getMessage())
                    .append(")\n");
        }
    }
}
