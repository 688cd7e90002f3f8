package org.neighborshare.consent.agency;

import java.util.UUID;

/** Is an agency allowed to receive footage right now. Replaced in tests. */
public interface AgencyDirectory {

    /**
     * The agency's current standing, at most a few seconds old. An agency the directory does not know is not
     * approved. Throws a 503 problem when the directory cannot be reached: never taken for approval.
     */
    AgencyStanding standing(UUID agencyId);
}
