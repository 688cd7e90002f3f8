package org.neighborshare.consent.api;

import java.time.Instant;
import java.util.UUID;
import org.neighborshare.consent.service.InboxEntry;

/**
 * A request in an owner's inbox: what is asked, by whom, for which window, and how many cameras it concerns; and
 * whether it can be answered now ({@code answerable}), with the {@code reason} when not (e.g. the agency is
 * suspended).
 */
public record InboxView(
        UUID requestId,
        UUID agencyId,
        String caseNumber,
        String incidentType,
        String description,
        Instant windowStart,
        Instant windowEnd,
        boolean urgent,
        int cameras,
        Instant receivedAt,
        String requestState,
        Instant expiresAt,
        String response,
        boolean answerable,
        String reason) {

    public static InboxView of(InboxEntry e) {
        var r = e.request();
        var i = e.item();
        return new InboxView(
                r.requestId,
                r.agencyId,
                r.caseNumber,
                r.incidentType,
                r.description,
                r.windowStart,
                r.windowEnd,
                i.urgent,
                i.cameras,
                i.receivedAt,
                r.state,
                r.expiresAt,
                i.response,
                e.notAnswerableBecause() == null,
                e.notAnswerableBecause());
    }
}
