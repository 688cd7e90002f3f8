package org.neighborshare.request.service;

import java.time.Instant;
import org.neighborshare.request.domain.IncidentType;

/**
 * A footage request as an investigator asks for it, before the rules are applied (docs/rules.md, footage
 * requests): the API has checked its shape, {@link RequestService#create} checks its limits.
 */
public record NewFootageRequest(
        String caseNumber,
        IncidentType incidentType,
        String description,
        Instant windowStart,
        Instant windowEnd,
        Area area,
        String contact,
        boolean emergency,
        String emergencyJustification) {

    /** The circle asked for; its size is one of the rules, so it is not yet a {@code GeoCircle}. */
    public record Area(Double latitude, Double longitude, Double radiusMeters) {}
}
