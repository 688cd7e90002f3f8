package org.neighborshare.gateway.routing;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.neighborshare.shared.security.AgencyRole;

/** Reads a {@link Requester} from the identity quarkus-oidc built out of a Keycloak access token. */
public final class Requesters {

    static final String GROUPS = "groups";

    private Requesters() {}

    public static Requester from(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Requester.ANONYMOUS;
        }
        // Realm roles: quarkus.oidc.roles.role-claim-path points them at realm_access/roles.
        Set<String> roles = new TreeSet<>(identity.getRoles());
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            String name = identity.getPrincipal().getName();
            return new Requester(false, name, name, null, false, roles, Set.of());
        }
        String id = jwt.getSubject();
        String username = asString(jwt.getClaim("preferred_username"));
        return new Requester(
                false,
                id,
                username != null ? username : id,
                asString(jwt.getClaim("email")),
                asBoolean(jwt.getClaim("email_verified")),
                roles,
                agencyRoles(jwt.getClaim(GROUPS)));
    }

    /**
     * The client the token was issued to (Keycloak's {@code azp}), or {@code null} when the identity carries none.
     */
    public static String clientId(SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            return asString(jwt.getClaim("azp"));
        }
        return null;
    }

    /**
     * Keycloak groups with full paths "/agencies/{agencyId}/{role}" become "agencyId:role", the form the internal
     * token carries. Any other group is not an agency role and is ignored.
     */
    public static Set<String> agencyRoles(Object groupsClaim) {
        Set<String> agencyRoles = new TreeSet<>();
        if (groupsClaim instanceof Collection<?> groups) {
            for (Object g : groups) {
                AgencyRole.fromGroupPath(asString(g)).map(AgencyRole::encoded).ifPresent(agencyRoles::add);
            }
        }
        return agencyRoles;
    }

    static String asString(Object claim) {
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        if (claim == null || claim instanceof JsonValue) {
            return claim == null || claim == JsonValue.NULL ? null : claim.toString();
        }
        return claim.toString();
    }

    static boolean asBoolean(Object claim) {
        if (claim instanceof Boolean b) {
            return b;
        }
        if (claim == JsonValue.TRUE) {
            return true;
        }
        return claim != null && "true".equalsIgnoreCase(asString(claim));
    }
}
