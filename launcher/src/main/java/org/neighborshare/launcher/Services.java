package org.neighborshare.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names of the suite's parts and, in {@link #systemProperties}, the one place that says how each
 * Quarkus service is configured for a local run.
 */
public final class Services {

    public static final String POSTGRES = "postgres";
    public static final String KEYCLOAK = "keycloak";
    public static final String AGENCY = "agency-service";
    public static final String REQUEST = "request-service";
    public static final String CONSENT = "consent-service";
    public static final String GATEWAY = "gateway";

    /** The four Quarkus services, in start order (the gateway last: it fronts the others). */
    public static final List<String> QUARKUS_SERVICES = List.of(AGENCY, REQUEST, CONSENT, GATEWAY);

    /** Every process the suite manages, in start order. */
    public static final List<String> ALL = List.of(POSTGRES, KEYCLOAK, AGENCY, REQUEST, CONSENT, GATEWAY);

    /** The PostgreSQL databases, one per data service. */
    public static final List<String> DATABASES = List.of("agency", "request", "consent");

    /** Width of the log prefix: {@code [keycloak] }. */
    static final int LOG_NAME_WIDTH = 8;

    /** Relative to the repository root. */
    static final String SIGNING_KEY = "test-support/src/main/resources/local-demo-keys/internal-signing-key-1.pem";
    static final String SIGNING_KEY_ID = "local-demo-1";

    private Services() {
    }

    /**
     * The canonical name for a part: accepts the canonical names and the short ones ({@code agency},
     * {@code request}, {@code consent}, {@code kc}, {@code pg}), case-insensitively.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static String canonical(String name) {
        if (name == null) {
            throw new IllegalArgumentException("no service name");
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "agency":
                return AGENCY;
            case "request":
                return REQUEST;
            case "consent":
                return CONSENT;
            case "kc":
                return KEYCLOAK;
            case "pg":
            case "postgresql":
                return POSTGRES;
            default:
                if (ALL.contains(n)) {
                    return n;
                }
                throw new IllegalArgumentException("unknown service '" + name + "'; known: " + ALL);
        }
    }

    public static boolean isQuarkusService(String name) {
        return QUARKUS_SERVICES.contains(canonical(name));
    }

    /** The database a data service owns, or {@code null} (gateway, keycloak, postgres). */
    public static String database(String name) {
        switch (canonical(name)) {
            case AGENCY:
                return "agency";
            case REQUEST:
                return "request";
            case CONSENT:
                return "consent";
            default:
                return null;
        }
    }

    /** The short name used in log prefixes and log file names: agency, request, consent, gateway, keycloak, postgres. */
    public static String logName(String name) {
        String c = canonical(name);
        return c.endsWith("-service") ? c.substring(0, c.length() - "-service".length()) : c;
    }

    /** {@code [agency  ] }: fixed width so the log columns line up. */
    static String prefix(String logName) {
        StringBuilder sb = new StringBuilder("[").append(logName);
        while (sb.length() < LOG_NAME_WIDTH + 1) {
            sb.append(' ');
        }
        return sb.append("] ").toString();
    }

    /** The runnable Quarkus jar of a service. */
    static Path quarkusJar(Path repoRoot, String service) {
        return repoRoot.resolve(canonical(service)).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * The system properties a Quarkus service is started with (besides the heap size and any
     * {@link SuiteConfig#extraArgs() extra args}). Extend here.
     */
    public static Map<String, String> systemProperties(SuiteConfig config, String service) {
        String name = canonical(service);
        if (!QUARKUS_SERVICES.contains(name)) {
            throw new IllegalArgumentException(name + " is not a Quarkus service");
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.http.port", Integer.toString(config.port(name)));
        p.put("quarkus.management.port", Integer.toString(config.managementPort(name)));
        p.put("quarkus.profile", "local");
        p.put("NEIGHBORS_KEYCLOAK_URL", config.url(KEYCLOAK));
        String db = database(name);
        if (db != null) {
            p.put("quarkus.datasource.jdbc.url", config.jdbcUrl(db));
            p.put("quarkus.datasource.username", "postgres");
            p.put("quarkus.datasource.password", "postgres");
            p.put("NEIGHBORS_GATEWAY_URL", config.url(GATEWAY));
        } else { // the gateway
            for (String target : List.of(AGENCY, REQUEST, CONSENT)) {
                p.put("gateway.services." + target + ".url", config.url(target));
            }
            p.put("gateway.internal-token.signing-key-location", config.repoRoot().resolve(SIGNING_KEY).toString());
            p.put("gateway.internal-token.key-id", SIGNING_KEY_ID);
        }
        return p;
    }
}
