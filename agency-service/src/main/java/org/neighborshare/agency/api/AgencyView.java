package org.neighborshare.agency.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.neighborshare.agency.domain.Agency;
import org.neighborshare.agency.domain.AgencyState;
import org.neighborshare.agency.domain.AgencyType;

/** An agency as shown to its applicant, reviewers and the public directory (only there with its history). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgencyView(
        UUID id,
        String officialName,
        AgencyType type,
        String officialDomain,
        String website,
        @JsonRawValue String jurisdiction,
        AgencyState state,
        String stateReason,
        Instant appliedAt,
        Instant approvedAt,
        Instant stateChangedAt,
        List<HistoryEntryView> history) {

    public static AgencyView of(Agency a) {
        return withHistory(a, null);
    }

    /** As in the public directory: the current state and reason, and every step that led there. */
    public static AgencyView withHistory(Agency a, List<HistoryEntryView> history) {
        return new AgencyView(
                a.id,
                a.officialName,
                a.type,
                a.officialDomain,
                a.website,
                a.jurisdiction,
                a.state,
                a.stateReason,
                a.appliedAt,
                a.approvedAt,
                a.stateChangedAt,
                history);
    }
}
