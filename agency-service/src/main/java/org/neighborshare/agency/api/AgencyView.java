package org.neighborshare.agency.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;
import org.neighborshare.agency.domain.Agency;
import org.neighborshare.agency.domain.AgencyState;
import org.neighborshare.agency.domain.AgencyType;

/** An agency as shown to its applicant, reviewers and the public directory. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgencyView(UUID id, String officialName, AgencyType type, String officialDomain, String website,
                         @JsonRawValue String jurisdiction, AgencyState state, String stateReason,
                         Instant appliedAt, Instant approvedAt, Instant stateChangedAt) {

    public static AgencyView of(Agency a) {
        return new AgencyView(a.id, a.officialName, a.type, a.officialDomain, a.website, a.jurisdiction, a.state,
                a.stateReason, a.appliedAt, a.approvedAt, a.stateChangedAt);
    }
}
