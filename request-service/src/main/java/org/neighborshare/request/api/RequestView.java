package org.neighborshare.request.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.neighborshare.request.domain.FootageRequest;
import org.neighborshare.request.domain.IncidentType;
import org.neighborshare.request.domain.RequestState;

/** A request as its agency and reviewers see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(
        UUID id,
        UUID agencyId,
        String caseNumber,
        IncidentType incidentType,
        String description,
        Instant windowStart,
        Instant windowEnd,
        CreateRequest.Area area,
        String contact,
        boolean emergency,
        String emergencyJustification,
        RequestState state,
        String stateReason,
        Instant createdAt,
        Instant publishedAt,
        Instant endedAt) {

    public static RequestView of(FootageRequest r) {
        return new RequestView(
                r.id,
                r.agencyId,
                r.caseNumber,
                r.incidentType,
                r.description,
                r.windowStart,
                r.windowEnd,
                new CreateRequest.Area(r.centerLatitude, r.centerLongitude, r.radiusMeters),
                r.contact,
                r.emergency,
                r.emergencyJustification,
                r.state,
                r.stateReason,
                r.createdAt,
                r.publishedAt,
                r.endedAt);
    }
}
