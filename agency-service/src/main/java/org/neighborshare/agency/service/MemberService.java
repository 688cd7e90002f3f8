package org.neighborshare.agency.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.neighborshare.agency.domain.Agency;
import org.neighborshare.agency.domain.AgencyState;
import org.neighborshare.agency.roles.AgencyRoles;
import org.neighborshare.shared.problem.ProblemException;
import org.neighborshare.shared.security.Caller;

/** An agency-admin manages who holds which role in their (approved) agency. */
@ApplicationScoped
public class MemberService {

    @Inject
    AgencyService agencies;
    @Inject
    AgencyRoles roles;

    public List<AgencyRoles.Member> list(UUID agencyId, Caller admin) {
        requireAdminOfApproved(agencyId, admin);
        return roles.members(agencyId);
    }

    public AgencyRoles.Member add(UUID agencyId, String email, String role, Caller admin) {
        requireAdminOfApproved(agencyId, admin);
        if (!AgencyRoles.ROLES.contains(role)) {
            throw ProblemException.invalidField("role", "must be one of " + AgencyRoles.ROLES);
        }
        String userId = roles.userIdByEmail(email)
                .orElseThrow(() -> ProblemException.invalidField("email",
                        "no user with this verified e-mail has signed up"));
        roles.grant(agencyId, userId, role);
        return roles.members(agencyId).stream().filter(m -> m.userId().equals(userId)).findFirst()
                .orElseThrow(() -> new ProblemException(503, "Service Unavailable", "role not visible yet", null));
    }

    public void remove(UUID agencyId, String userId, Caller admin) {
        requireAdminOfApproved(agencyId, admin);
        if (roles.members(agencyId).stream().noneMatch(m -> m.userId().equals(userId))) {
            throw ProblemException.notFound("member " + userId);
        }
        roles.revokeAll(agencyId, userId);
    }

    private void requireAdminOfApproved(UUID agencyId, Caller admin) {
        admin.requireAgencyRole(agencyId, Caller.AGENCY_ADMIN);
        Agency a = agencies.find(agencyId);
        if (a.state != AgencyState.APPROVED) {
            throw ProblemException.forbidden("agency " + agencyId + " is " + a.state);
        }
    }
}
