package org.neighborshare.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestersTest {

    @Test
    void onlyAgencyGroupsWithAgencyAndRoleBecomeAgencyRoles() {
        Set<String> roles = Requesters.agencyRoles(List.of(
                "/agencies/a1/investigator",
                "/agencies/a2/agency-admin",
                "agencies/a3/investigator",
                "/agencies/a4",
                "/agencies/a5/investigator/extra",
                "/staff/reviewers",
                "/agencies//investigator",
                "/agencies/a:6/investigator"));
        assertEquals(Set.of("a1:investigator", "a2:agency-admin", "a3:investigator"), roles);
    }

    @Test
    void noGroupsClaimMeansNoAgencyRoles() {
        assertEquals(Set.of(), Requesters.agencyRoles(null));
        assertEquals(Set.of(), Requesters.agencyRoles("/agencies/a1/investigator"));
    }
}
