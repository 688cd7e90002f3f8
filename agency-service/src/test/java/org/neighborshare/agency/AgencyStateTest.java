package org.neighborshare.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neighborshare.agency.domain.AgencyState;
import org.neighborshare.shared.agency.AgencyStatus;

/** The whole transition table of docs/rules.md ("Agencies"), pair by pair. */
class AgencyStateTest {

    static final Map<AgencyState, Set<AgencyState>> ALLOWED = Map.of(
            AgencyState.APPLIED, EnumSet.of(AgencyState.IN_REVIEW, AgencyState.REJECTED),
            AgencyState.IN_REVIEW, EnumSet.of(AgencyState.APPROVED, AgencyState.REJECTED),
            AgencyState.APPROVED, EnumSet.of(AgencyState.SUSPENDED, AgencyState.EXPIRED),
            AgencyState.SUSPENDED, EnumSet.of(AgencyState.APPROVED, AgencyState.REVOKED),
            AgencyState.EXPIRED, EnumSet.of(AgencyState.IN_REVIEW),
            AgencyState.REJECTED, EnumSet.noneOf(AgencyState.class),
            AgencyState.REVOKED, EnumSet.noneOf(AgencyState.class));

    @Test
    void everyPairIsLegalExactlyWhenTheSpecSaysSo() {
        for (AgencyState from : AgencyState.values()) {
            for (AgencyState to : AgencyState.values()) {
                assertEquals(ALLOWED.get(from).contains(to), from.canBecome(to), from + " → " + to);
            }
        }
    }

    /** The directory publishes these names; the gateway, request-service and consent-service read them. */
    @Test
    void everyStateHasTheNameTheSharedContractGivesIt() {
        assertEquals(
                Arrays.stream(AgencyStatus.values()).map(Enum::name).toList(),
                Arrays.stream(AgencyState.values()).map(Enum::name).toList());
    }
}
