package org.neighborshare.agency.domain;

import java.util.EnumSet;
import java.util.Set;

/** The agency life cycle (docs/rules.md, agencies); the allowed transitions live here and nowhere else. */
public enum AgencyState {
    APPLIED,
    IN_REVIEW,
    APPROVED,
    REJECTED,
    SUSPENDED,
    REVOKED,
    EXPIRED;

    public Set<AgencyState> next() {
        return switch (this) {
            case APPLIED -> EnumSet.of(IN_REVIEW, REJECTED);
            case IN_REVIEW -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED -> EnumSet.of(SUSPENDED, EXPIRED);
            case SUSPENDED -> EnumSet.of(APPROVED, REVOKED);
            case EXPIRED -> EnumSet.of(IN_REVIEW);
            case REJECTED, REVOKED -> EnumSet.noneOf(AgencyState.class);
        };
    }

    public boolean canBecome(AgencyState target) {
        return next().contains(target);
    }

    /** Whether the agency is under vetting (a first application or a re-vetting). */
    public boolean isOpen() {
        return this == APPLIED || this == IN_REVIEW;
    }
}
