package org.neighborshare.shared.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.neighborshare.shared.problem.ProblemException;

/**
 * The authenticated caller of this request, read from the gateway-minted token. Services re-check roles here
 * rather than trusting that the gateway did (defence in depth). Agency roles are named in {@link AgencyRole}.
 */
@RequestScoped
public class Caller {

    /** The platform's realm role; it is never held together with a role in an agency. */
    public static final String REVIEWER = "reviewer";

    @Inject
    JsonWebToken token;

    public String id() {
        return token.getSubject();
    }

    public String username() {
        return token.getName();
    }

    public Optional<String> email() {
        return Optional.ofNullable(token.getClaim(InternalToken.EMAIL));
    }

    public boolean emailVerified() {
        Object v = token.getClaim(InternalToken.EMAIL_VERIFIED);
        return v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v));
    }

    public boolean hasRole(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    public List<String> agencyRoles() {
        Object claim = token.getClaim(InternalToken.AGENCY_ROLES);
        if (claim instanceof Collection<?> c) {
            return c.stream().map(Caller::unquote).toList();
        }
        return List.of();
    }

    public boolean hasAgencyRole(Object agencyId, String role) {
        return agencyRoles().contains(AgencyRole.encode(agencyId, role));
    }

    /** Whether the caller holds any role in the agency. */
    public boolean isMemberOf(Object agencyId) {
        return agencyRoles().stream().anyMatch(encoded -> AgencyRole.isIn(encoded, agencyId));
    }

    /**
     * A role held in agency A grants nothing in agency B, and a platform reviewer acts for the platform, never for
     * an agency, even if the identity provider still lists them in one (docs/invariants.md, I5).
     */
    public void requireAgencyRole(Object agencyId, String role) {
        if (hasRole(REVIEWER)) {
            throw ProblemException.forbidden("a platform reviewer holds no role in agency " + agencyId);
        }
        if (!hasAgencyRole(agencyId, role)) {
            throw ProblemException.forbidden("you are not " + role + " of agency " + agencyId);
        }
    }

    private static String unquote(Object o) {
        String s = String.valueOf(o);
        return s.length() > 1 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
