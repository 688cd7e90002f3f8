package org.neighborshare.request.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life cycle of a footage request; published requests are never deleted or edited, only ended
 * (docs/invariants.md, I3).
 */
public enum RequestState {
    PENDING_REVIEW,
    PUBLISHED,
    REJECTED,
    CLOSED,
    EXPIRED;

    /** Not yet ended: still in moderation or reaching owners. */
    public static final Set<RequestState> OPEN = EnumSet.of(PENDING_REVIEW, PUBLISHED);

    public Set<RequestState> next() {
        return switch (this) {
            case PENDING_REVIEW -> EnumSet.of(PUBLISHED, REJECTED);
            case PUBLISHED -> EnumSet.of(CLOSED, EXPIRED);
            case REJECTED, CLOSED, EXPIRED -> EnumSet.noneOf(RequestState.class);
        };
    }

    public boolean canBecome(RequestState target) {
        return next().contains(target);
    }
}
