package org.neighborshare.gateway.routing;

import java.util.List;
import java.util.Set;
import org.neighborshare.shared.security.AgencyRole;
import org.neighborshare.shared.security.InternalToken;

/**
 * The caller as the gateway understood the Keycloak token. Value semantics matter: it is part of the key under
 * which minted internal tokens are reused, so a change of roles yields a new internal token at once.
 */
public record Requester(
        boolean anonymous,
        String id,
        String username,
        String email,
        boolean emailVerified,
        Set<String> roles,
        Set<String> agencyRoles) {

    public static final Requester ANONYMOUS =
            new Requester(true, "anonymous", "anonymous", null, false, Set.of(), Set.of());

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAgencyRole(String agencyId, String role) {
        return agencyRoles.contains(AgencyRole.encode(agencyId, role));
    }

    public InternalToken.Subject toSubject() {
        return new InternalToken.Subject(
                id,
                username,
                email,
                emailVerified,
                List.copyOf(new java.util.TreeSet<>(roles)),
                List.copyOf(new java.util.TreeSet<>(agencyRoles)));
    }
}
