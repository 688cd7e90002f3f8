package org.neighborshare.shared.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Only the name APPROVED lets an agency act; anything else the directory might say does not (I5). */
class AgencyStatusTest {

    @Test
    void onlyApprovedIsApproved() {
        for (AgencyStatus s : AgencyStatus.values()) {
            assertEquals(s == AgencyStatus.APPROVED, s.isApproved(), s.name());
            assertEquals(s == AgencyStatus.APPROVED, AgencyStatus.isApproved(s.name()), s.name());
        }
    }

    @Test
    void unknownOrMissingNamesAreNotApproved() {
        for (String name : new String[] {null, "", "approved", "UNKNOWN", "UNKNOWN_AGENCY", " APPROVED"}) {
            assertFalse(AgencyStatus.isApproved(name), String.valueOf(name));
            assertEquals(Optional.empty(), AgencyStatus.of(name), String.valueOf(name));
        }
    }

    @Test
    void aNameReadsAsItsState() {
        assertEquals(Optional.of(AgencyStatus.SUSPENDED), AgencyStatus.of("SUSPENDED"));
        assertTrue(AgencyStatus.REVOKED.is("REVOKED"));
        assertFalse(AgencyStatus.REVOKED.is("SUSPENDED"));
        assertFalse(AgencyStatus.REVOKED.is(null));
    }
}
