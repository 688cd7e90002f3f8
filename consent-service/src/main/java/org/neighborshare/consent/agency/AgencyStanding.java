package org.neighborshare.consent.agency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** An agency's state as agency-service's directory reports it ({@code GET /api/directory/agencies/{id}/status}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgencyStanding(UUID id, String state, String reason) {

    public static final String APPROVED = "APPROVED";
    /** Not a directory state: the directory could not be asked. */
    public static final String UNKNOWN = "UNKNOWN";

    public static AgencyStanding unknown(UUID id) {
        return new AgencyStanding(id, UNKNOWN, null);
    }

    public boolean approved() {
        return APPROVED.equals(state);
    }
}
