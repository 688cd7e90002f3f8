package org.neighborshare.agency.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.neighborshare.agency.domain.Agency;
import org.neighborshare.agency.domain.AgencyState;
import org.neighborshare.agency.domain.MemberCommitment;
import org.neighborshare.agency.roles.AgencyRoles;
import org.neighborshare.shared.problem.ProblemException;
import org.neighborshare.shared.security.AgencyRole;
import org.neighborshare.shared.security.Caller;

/**
 * An agency-admin manages who holds which role in their (approved) agency. Changes hold the agency's row lock
 * (see {@link Agency#lockById}) while they ask Keycloak, so they run one at a time per agency and never
 * interleave with a suspension: of two simultaneous removals of one member, one is a 204 and the other a 404.
 */
@ApplicationScoped
public class MemberService {

    @Inject
    AgencyService agencies;

    @Inject
    AgencyRoles roles;

    @Inject
    PublicAgencyLog log;

    @Inject
    Clock clock;

    /** The agency's member entries in the public log with their salts, for its admins to open (newest first). */
    public List<MemberCommitment> commitments(UUID agencyId, Caller admin, int page, int size) {
        requireAdmin(agencyId, admin);
        requireApproved(agencies.find(agencyId));
        return MemberCommitment.ofAgency(agencyId, page, size);
    }

    public List<AgencyRoles.Member> list(UUID agencyId, Caller admin) {
        requireAdmin(agencyId, admin);
        requireApproved(agencies.find(agencyId));
        return roles.members(agencyId);
    }

    @Transactional
    public AgencyRoles.Member add(UUID agencyId, String email, String role, Caller admin) {
        requireAdmin(agencyId, admin);
        requireApproved(agencies.lock(agencyId));
        if (!AgencyRole.ROLES.contains(role)) {
            throw ProblemException.invalidField("role", "must be one of " + AgencyRole.ROLES);
        }
        String userId = roles.userIdByEmail(email)
                .orElseThrow(() ->
                        ProblemException.invalidField("email", "no user with this verified e-mail has signed up"));
        // Platform reviewers and agency roles are mutually exclusive: an agency that could enrol its reviewers
        // could make them too conflicted to suspend it, and could show them its requests (docs/rules.md).
        if (roles.isReviewer(userId)) {
            throw ProblemException.conflictingField(
                    "email", "this user is a platform reviewer and cannot hold a role in an agency");
        }
        boolean held = roles.members(agencyId).stream()
                .anyMatch(m -> m.userId().equals(userId) && m.roles().contains(role));
        roles.grant(agencyId, userId, role);
        if (!held) { // granting a role the member holds already changes nothing, so it is no new entry
            log.member(agencyId, userId, role, true, clock.instant());
        }
        return roles.members(agencyId).stream()
                .filter(m -> m.userId().equals(userId))
                .findFirst()
                .orElseThrow(() -> ProblemException.unavailable("role not visible yet"));
    }

    @Transactional
    public void remove(UUID agencyId, String userId, Caller admin) {
        requireAdmin(agencyId, admin);
        requireApproved(agencies.lock(agencyId));
        AgencyRoles.Member member = roles.members(agencyId).stream()
                .filter(m -> m.userId().equals(userId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("member " + userId));
        roles.revokeAll(agencyId, userId);
        Instant now = clock.instant();
        // One entry per role given up, so each member.added has its matching member.removed.
        member.roles().stream().sorted().forEach(role -> log.member(agencyId, userId, role, false, now));
    }

    private static void requireAdmin(UUID agencyId, Caller admin) {
        admin.requireAgencyRole(agencyId, AgencyRole.AGENCY_ADMIN);
    }

    private static void requireApproved(Agency a) {
        if (a.state != AgencyState.APPROVED) {
            throw ProblemException.forbidden("agency " + a.id + " is " + a.state);
        }
    }
}
