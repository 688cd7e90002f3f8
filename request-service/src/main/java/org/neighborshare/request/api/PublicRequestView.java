package org.neighborshare.request.api;

import java.time.Instant;
import java.util.UUID;
import org.neighborshare.request.counts.RequestCounts;
import org.neighborshare.request.domain.FootageRequest;
import org.neighborshare.request.domain.IncidentType;
import org.neighborshare.request.domain.RequestState;

/**
 * The public record of a published request (docs/invariants.md, I3). The area is coarsened: centre to 0.01
 * degree and radius rounded up to 100 m, enough to see where an agency looked without pinpointing a house.
 * {@code counts} is null when consent-service could not be asked; each count inside it is null when suppressed
 * (below 5).
 * {@code endedReason} says why an ended request ended (closed by its agency, expired, its agency revoked); it is
 * null while the request is open, when the state reason is the reviewer's, which stays internal.
 */
public record PublicRequestView(
        UUID id,
        UUID agencyId,
        String caseNumber,
        IncidentType incidentType,
        Instant windowStart,
        Instant windowEnd,
        CoarseArea area,
        boolean emergency,
        RequestState state,
        Instant publishedAt,
        Instant endedAt,
        String endedReason,
        Counts counts) {

    public record CoarseArea(double latitude, double longitude, double radiusMeters) {}

    public record Counts(Long camerasReached, Long neighboursShared, Long clips) {

        static Counts of(RequestCounts c) {
            return c == null ? null : new Counts(c.camerasReached(), c.neighboursShared(), c.clips());
        }
    }

    public static PublicRequestView of(FootageRequest r, RequestCounts counts) {
        return new PublicRequestView(
                r.id,
                r.agencyId,
                r.caseNumber,
                r.incidentType,
                r.windowStart,
                r.windowEnd,
                new CoarseArea(
                        Math.round(r.centerLatitude * 100) / 100.0,
                        Math.round(r.centerLongitude * 100) / 100.0,
                        Math.ceil(r.radiusMeters / 100) * 100),
                r.emergency,
                r.state,
                r.publishedAt,
                r.endedAt,
                r.endedAt == null ? null : r.stateReason,
                Counts.of(counts));
    }
}
