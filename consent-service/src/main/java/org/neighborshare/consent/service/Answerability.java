package org.neighborshare.consent.service;

import java.time.Instant;
import org.neighborshare.consent.agency.AgencyStanding;
import org.neighborshare.consent.domain.PublishedRequest;

/**
 * Whether an owner may answer a request now: only while the request is open and its agency is APPROVED
 * (docs/rules.md). The one place that rule lives; the answer refuses with the reason, the inbox shows it.
 */
public final class Answerability {

    private Answerability() {
    }

    /** Why the request cannot be answered now, or null if it can. */
    public static String refusal(PublishedRequest request, AgencyStanding agency, Instant now) {
        if (!request.openAt(now)) {
            return now.isBefore(request.expiresAt) || request.endedAt != null
                    ? "the request has ended" : "the request has expired";
        }
        if (agency.approved()) {
            return null;
        }
        return switch (agency.state()) {
            case "SUSPENDED" -> "the agency is suspended";
            case "REVOKED" -> "the agency's approval was revoked";
            case "EXPIRED" -> "the agency's approval has expired";
            case AgencyStanding.UNKNOWN -> "the agency's standing cannot be checked right now; try again shortly";
            default -> "the agency is not approved";
        };
    }
}
