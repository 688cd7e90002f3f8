package org.neighborshare.shared.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * Payload of a REQUEST_PUBLISHED event on request-service's feed, read by consent-service. Both sides use this
 * record, so the contract is written once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestPublished(
        UUID requestId,
        UUID agencyId,
        String caseNumber,
        String incidentType,
        String description,
        Instant windowStart,
        Instant windowEnd,
        double latitude,
        double longitude,
        double radiusMeters,
        boolean emergency,
        Instant publishedAt,
        Instant expiresAt) {

    public static final String TYPE = "REQUEST_PUBLISHED";
}
