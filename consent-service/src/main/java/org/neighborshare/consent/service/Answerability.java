package org.neighborshare.consent.service;

import java.time.Instant;
import org.neighborshare.consent.agency.AgencyStanding;
import org.neighborshare.consent.domain.PublishedRequest;
import org.neighborshare.shared.agency.AgencyStatus;

/**
 * Whether an owner may answer a request now: only while the request is open and its agency is APPROVED
 * (docs/rules.md). The one place that rule lives; the answer refuses with the reason, the inbox shows it.
 */
public final class Answerability {

    private static final String NOT_APPROVED = "the agency is not approved";

    private Answerability() {}

    /** Why the request cannot be answered now, or null if it can. */
    public static String refusal(PublishedRequest request, AgencyStanding agency, Instant now) {
        if (!request.openAt(now)) {
            return now.isBefore(request.expiresAt) || request.endedAt != null
                    ? "the request has ended"
                    : "the request has expired";
        }
        if (agency.approved()) {
            return null;
        }
        if (AgencyStanding.UNKNOWN.equals(agency.state())) {
            return "the agency's standing cannot be checked right now; try again shortly";
        }
        return agency.status().map(Answerability::refusalWhile).orElse(NOT_APPROVED);
    }

    private static String refusalWhile(AgencyStatus status) {
        return switch (status) {
            case SUSPENDED -> "the agency is suspended";
            case REVOKED -> "the agency's approval was revoked";
            case EXPIRED -> "the agency's approval has expired";
            default -> NOT_APPROVED;
        };
    }
}
