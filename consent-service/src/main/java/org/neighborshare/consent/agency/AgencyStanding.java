package org.neighborshare.consent.agency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Optional;
import java.util.UUID;
import org.neighborshare.shared.agency.AgencyStatus;

/**
 * An agency's state as agency-service's directory reports it ({@code GET /api/directory/agencies/{id}/status}): an
 * {@link AgencyStatus} name, kept as text so that a state this service does not know reads as not approved, or one
 * of the two names below that say why there is no state.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgencyStanding(UUID id, String state, String reason) {

    /** Not a directory state: the directory could not be asked. */
    public static final String UNKNOWN = "UNKNOWN";
    /** Not a directory state: the directory does not know the agency. */
    public static final String UNKNOWN_AGENCY = "UNKNOWN_AGENCY";

    public static AgencyStanding unknown(UUID id) {
        return new AgencyStanding(id, UNKNOWN, null);
    }

    public boolean approved() {
        return AgencyStatus.isApproved(state);
    }

    /** The directory state, or empty when there is none (or one this service does not know). */
    public Optional<AgencyStatus> status() {
        return AgencyStatus.of(state);
    }
}
