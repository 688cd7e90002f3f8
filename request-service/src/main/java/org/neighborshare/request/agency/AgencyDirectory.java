package org.neighborshare.request.agency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** What request-service needs to know about an agency: may it ask, and where. */
public interface AgencyDirectory {

    /** Only the fields needed; the directory sends more, which are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AgencyFacts(UUID id, String state, JsonNode jurisdiction) {

        public boolean approved() {
            return "APPROVED".equals(state);
        }
    }

    AgencyFacts facts(UUID agencyId);
}
