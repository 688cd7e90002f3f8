package org.neighborshare.launcher;

import java.util.List;
import java.util.Locale;

/** The names of the suite's parts, their start order, and which PostgreSQL database each data service owns. */
public final class Services {

    public static final String POSTGRES = "postgres";
    public static final String KEYCLOAK = "keycloak";
    public static final String AGENCY = "agency-service";
    public static final String REQUEST = "request-service";
    public static final String CONSENT = "consent-service";
    public static final String PORTAL = "portal";
    public static final String GATEWAY = "gateway";

    /** The Quarkus services, in start order (the gateway last: it fronts the others, the portal's pages too). */
    public static final List<String> QUARKUS_SERVICES = List.of(AGENCY, REQUEST, CONSENT, PORTAL, GATEWAY);

    /** The services behind the gateway; each owns the database named by its short name ({@link #database}). */
    static final List<String> DATA_SERVICES = List.of(AGENCY, REQUEST, CONSENT);

    /** Every process the suite manages, in start order. */
    public static final List<String> ALL = List.of(POSTGRES, KEYCLOAK, AGENCY, REQUEST, CONSENT, PORTAL, GATEWAY);

    /** The PostgreSQL databases, one per data service: agency, request, consent. */
    public static final List<String> DATABASES =
            DATA_SERVICES.stream().map(Services::logName).toList();

    private Services() {}

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

    /** The database a data service owns, or {@code null} (gateway, keycloak, postgres). */
    public static String database(String name) {
        String c = canonical(name);
        return DATA_SERVICES.contains(c) ? logName(c) : null;
    }

    /** The short name used in log prefixes and log file names: agency, request, consent, gateway, keycloak, postgres. */
    public static String logName(String name) {
        String c = canonical(name);
        return c.endsWith("-service") ? c.substring(0, c.length() - "-service".length()) : c;
    }
}
