package org.neighborshare.agency.roles;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.neighborshare.shared.security.AgencyRole;

/**
 * Where per-agency roles live: the identity provider, so that they travel in users' tokens and the gateway can
 * read them. agency-service is the only thing that changes them. The roles an agency has are
 * {@link AgencyRole#ROLES}.
 */
public interface AgencyRoles {

    /** A member and the roles they hold in one agency. */
    record Member(String userId, String username, String email, List<String> roles) {}

    /** Creates the agency's role groups if they do not exist yet (idempotent). */
    void createAgency(UUID agencyId);

    /** Gives the user the role in the agency (idempotent). */
    void grant(UUID agencyId, String userId, String role);

    /** Removes every role the user holds in the agency. */
    void revokeAll(UUID agencyId, String userId);

    List<Member> members(UUID agencyId);

    /**
     * Whether the user holds the platform reviewer role right now (also through a composite role or group), as
     * the identity provider says: a token issued before the role was granted would not show it.
     */
    boolean isReviewer(String userId);

    /** The id of an existing user whose e-mail this is and is verified by the identity provider, if any. */
    Optional<String> userIdByEmail(String email);
}
