package org.neighborshare.shared.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The two spellings of an agency role, the Keycloak group and the internal token's claim, say the same thing. */
class AgencyRoleTest {

    private static final UUID AGENCY = UUID.fromString("5d1d0a6e-8f4b-4a52-9c55-7a1f3c2b9e01");

    @Test
    void anAgencyRoleIsEncodedAsAgencyIdColonRole() {
        assertEquals(
                "5d1d0a6e-8f4b-4a52-9c55-7a1f3c2b9e01:investigator",
                AgencyRole.encode(AGENCY, AgencyRole.INVESTIGATOR));
        assertEquals("a1:agency-admin", new AgencyRole("a1", AgencyRole.AGENCY_ADMIN).encoded());
    }

    @Test
    void itsGroupLivesUnderTheAgenciesRoot() {
        assertEquals(
                "/agencies/5d1d0a6e-8f4b-4a52-9c55-7a1f3c2b9e01/agency-admin",
                AgencyRole.groupPath(AGENCY, AgencyRole.AGENCY_ADMIN));
        assertEquals(List.of("agency-admin", "investigator"), AgencyRole.ROLES);
    }

    @Test
    void aGroupPathReadsBackAsTheRoleItWasWrittenFor() {
        for (String role : AgencyRole.ROLES) {
            assertEquals(
                    Optional.of(new AgencyRole(AGENCY.toString(), role)),
                    AgencyRole.fromGroupPath(AgencyRole.groupPath(AGENCY, role)));
        }
        assertEquals(
                Optional.of(new AgencyRole("a3", "investigator")),
                AgencyRole.fromGroupPath("agencies/a3/investigator"),
                "the leading slash may be missing");
    }

    @Test
    void anyOtherGroupIsNoAgencyRole() {
        for (String path : new String[] {
            "/agencies/a4",
            "/agencies/a5/investigator/extra",
            "/staff/reviewers",
            "/agencies//investigator",
            "/agencies/a6/",
            "/agencies/a:6/investigator",
            "/Agencies/a7/investigator",
            "",
            null
        }) {
            assertEquals(Optional.empty(), AgencyRole.fromGroupPath(path), String.valueOf(path));
        }
    }

    @Test
    void anEncodedRoleIsInItsAgencyOnly() {
        String encoded = AgencyRole.encode(AGENCY, AgencyRole.INVESTIGATOR);
        assertTrue(AgencyRole.isIn(encoded, AGENCY));
        assertTrue(AgencyRole.isIn(encoded, AGENCY.toString()));
        assertFalse(AgencyRole.isIn(encoded, UUID.randomUUID()));
        assertFalse(AgencyRole.isIn("a10:investigator", "a1"), "an agency id that is a prefix of another");
        assertFalse(AgencyRole.isIn(null, AGENCY));
    }
}
