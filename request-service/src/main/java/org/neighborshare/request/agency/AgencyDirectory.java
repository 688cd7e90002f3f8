package org.neighborshare.request.agency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.neighborshare.shared.agency.AgencyStatus;

/** What request-service needs to know about an agency: may it ask, and where. */
public interface AgencyDirectory {

    /**
     * Only the fields needed; the directory sends more, which are ignored. {@code state} is an {@link AgencyStatus}
     * name, kept as text so that a state this service does not know reads as not approved.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AgencyFacts(UUID id, String state, String stateReason, JsonNode jurisdiction) {

        public boolean approved() {
            return AgencyStatus.isApproved(state);
        }

        /** Revocation is final: the agency's open requests end (docs/rules.md). */
        public boolean revoked() {
            return AgencyStatus.REVOKED.is(state);
        }
    }

    /** Facts that may be a few seconds old: enough to let a request be created. */
    AgencyFacts facts(UUID agencyId);

    /** Facts as the directory holds them now, never cached: for publishing and for ending a revoked agency's requests. */
    AgencyFacts current(UUID agencyId);
}
