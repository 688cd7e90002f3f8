package org.neighborshare.agency.api;

import java.time.Instant;
import org.neighborshare.agency.domain.AgencyDecision;
import org.neighborshare.agency.domain.AgencyState;

/** One public step of an agency's history; who inside the platform made it is not published. */
public record HistoryEntryView(
        AgencyDecision.Action action, AgencyState fromState, AgencyState toState, String reason, Instant at) {

    public static HistoryEntryView of(AgencyDecision d) {
        return new HistoryEntryView(d.action, d.fromState, d.toState, d.reason, d.decidedAt);
    }
}
