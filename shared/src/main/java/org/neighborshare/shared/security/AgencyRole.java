package org.neighborshare.shared.security;

import java.util.List;
import java.util.Optional;

/**
 * A role held in one agency, and the two forms it travels in (docs/invariants.md, I5): the Keycloak group
 * {@code /agencies/<agencyId>/<role>} that agency-service manages and the gateway reads from the access token,
 * and {@code agencyId:role} in the internal token's {@link InternalToken#AGENCY_ROLES} claim that services check.
 */
public record AgencyRole(String agencyId, String role) {

    public static final String AGENCY_ADMIN = "agency-admin";
    public static final String INVESTIGATOR = "investigator";
    /** Every role an agency has; agency-service creates one Keycloak group for each. */
    public static final List<String> ROLES = List.of(AGENCY_ADMIN, INVESTIGATOR);
    /** The top-level Keycloak group under which each agency has a group of its own. */
    public static final String GROUP_ROOT = "agencies";

    private static final String SEPARATOR = ":";

    /** The internal token's form: {@code agencyId:role}. */
    public static String encode(Object agencyId, String role) {
        return agencyId + SEPARATOR + role;
    }

    /** The Keycloak group path: {@code /agencies/<agencyId>/<role>}. */
    public static String groupPath(Object agencyId, String role) {
        return "/" + GROUP_ROOT + "/" + agencyId + "/" + role;
    }

    /**
     * The agency role a Keycloak group path names (the leading slash may be missing), or empty for any other
     * group: another root, another depth, a blank part, or an agency id with the separator in it (it would
     * encode ambiguously).
     */
    public static Optional<AgencyRole> fromGroupPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        String[] parts = (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
        if (parts.length != 3
                || !parts[0].equals(GROUP_ROOT)
                || parts[1].isBlank()
                || parts[2].isBlank()
                || parts[1].contains(SEPARATOR)) {
            return Optional.empty();
        }
        return Optional.of(new AgencyRole(parts[1], parts[2]));
    }

    /** The internal token's form of this role. */
    public String encoded() {
        return encode(agencyId, role);
    }

    /** Whether an encoded role ({@code agencyId:role}) is held in this agency, whatever the role. */
    public static boolean isIn(String encoded, Object agencyId) {
        return encoded != null && encoded.startsWith(agencyId + SEPARATOR);
    }
}
