package org.neighborshare.gateway.routing;

import java.util.Map;
import org.neighborshare.shared.security.Caller;

/** Decides a matched route for a caller. Services re-check; this is the first, coarse line. */
public final class AccessPolicy {

    private AccessPolicy() {}

    public sealed interface Decision {
        record Allow() implements Decision {}

        /** No usable identity: the client should (re)authenticate. */
        record Unauthenticated() implements Decision {}

        record Forbidden(String detail) implements Decision {}
    }

    public static Decision decide(Route route, Map<String, String> captures, Requester requester) {
        if (route.access() == Access.PUBLIC) {
            return new Decision.Allow();
        }
        if (requester.anonymous()) {
            return new Decision.Unauthenticated();
        }
        return switch (route.access()) {
            case PUBLIC, AUTHENTICATED -> new Decision.Allow();
            case ROLE -> {
                String role = route.role().orElseThrow();
                yield requester.hasRole(role)
                        ? new Decision.Allow()
                        : new Decision.Forbidden("this requires the role '" + role + "'");
            }
            case AGENCY_ROLE -> {
                String role = route.role().orElseThrow();
                String agencyId = captures.get(Route.AGENCY_ID);
                // A platform reviewer holds no agency power, whatever groups Keycloak still lists for them, so no
                // agency can enlist its reviewers (docs/invariants.md, I5).
                if (requester.hasRole(Caller.REVIEWER)) {
                    yield new Decision.Forbidden("a platform reviewer holds no role in agency " + agencyId);
                }
                // A role in agency A grants nothing in agency B (docs/invariants.md, I5): the agency comes from the
                // path.
                yield agencyId != null && requester.hasAgencyRole(agencyId, role)
                        ? new Decision.Allow()
                        : new Decision.Forbidden("this requires the role '" + role + "' in agency " + agencyId);
            }
        };
    }
}
