package org.neighborshare.shared.agency;

import java.util.Optional;

/**
 * The agency states agency-service's directory publishes ({@code state} of {@code /api/directory/agencies/{id}}
 * and of its {@code /status}), as the gateway, request-service and consent-service read them. agency-service's
 * own life cycle (which state may follow which) stays in its domain; a test there keeps the names equal
 * (docs/rules.md, "Agencies"; docs/invariants.md, I5).
 */
public enum AgencyStatus {
    APPLIED,
    IN_REVIEW,
    APPROVED,
    REJECTED,
    SUSPENDED,
    REVOKED,
    EXPIRED;

    /**
     * The state a directory answer names, or empty for null or a name this contract does not know. Readers keep
     * the name as text and ask here, so a state added later reads as "not approved" rather than failing the call.
     */
    public static Optional<AgencyStatus> of(String name) {
        for (AgencyStatus s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Only an approved agency's members may act, and only its requests are published and answered (I5). */
    public boolean isApproved() {
        return this == APPROVED;
    }

    /** Whether the state a directory answer names is {@link #APPROVED}; an unknown or missing one is not. */
    public static boolean isApproved(String name) {
        return APPROVED.is(name);
    }

    /** Whether the directory answer names this state. */
    public boolean is(String name) {
        return name().equals(name);
    }
}
