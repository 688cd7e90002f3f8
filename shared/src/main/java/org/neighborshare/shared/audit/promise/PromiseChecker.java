package org.neighborshare.shared.audit.promise;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.neighborshare.shared.agency.AgencyStatus;
import org.neighborshare.shared.audit.AuditEventType;
import org.neighborshare.shared.audit.AuditEventType.LogName;
import org.neighborshare.shared.audit.AuditFact;

/**
 * Checks the platform's promises (see {@link Promise}) from the entries of the three public logs alone: the one
 * implementation that both the verifier and the transparency report run, so "downloads not backed by a valid share"
 * means the same thing in both.
 *
 * <p>Order: within the consent log "earlier" is a smaller entry index (the log's own order, which no clock can
 * reorder). Across logs only time can relate entries, so an agency's state at a download is the state after its
 * last agency-log state change at or before the download's {@code at} (a change in the same millisecond counts as
 * already made). An agency that has no state change before the download was never APPROVED.
 *
 * <p>Pure code over {@link AuditFact}s: no clock, no I/O; the same entries always give the same findings.
 */
public final class PromiseChecker {

    /**
     * How late a deletion at retention may come after the retention end and still keep the promise: 1 hour by
     * default (the retention job runs every few minutes, so an hour leaves room for a restart).
     */
    public static final Duration DEFAULT_RETENTION_GRACE = Duration.ofHours(1);

    private final Duration retentionGrace;

    public PromiseChecker() {
        this(DEFAULT_RETENTION_GRACE);
    }

    public PromiseChecker(Duration retentionGrace) {
        if (retentionGrace.isNegative()) {
            throw new IllegalArgumentException("a grace is not negative");
        }
        this.retentionGrace = retentionGrace;
    }

    public Duration retentionGrace() {
        return retentionGrace;
    }

    /** Checks every promise over the three logs' entries (each list that log's entries in index order). */
    public PromiseReport check(List<LoggedFact> agencyLog, List<LoggedFact> requestLog, List<LoggedFact> consentLog) {
        requireLog(agencyLog, LogName.AGENCY);
        requireLog(requestLog, LogName.REQUEST);
        requireLog(consentLog, LogName.CONSENT);
        return new Run(agencyLog, requestLog).check(consentLog);
    }

    private static void requireLog(List<LoggedFact> entries, LogName log) {
        long previous = -1;
        for (LoggedFact entry : entries) {
            if (entry.log() != log) {
                throw new IllegalArgumentException(
                        "an entry of the " + entry.log().path() + " log among the " + log.path() + " log's entries");
            }
            if (entry.index() <= previous) {
                throw new IllegalArgumentException("the " + log.path() + " log's entries are in index order");
            }
            previous = entry.index();
        }
    }

    /**
     * The state an agency-log fact moves its agency into ({@code before} when it changes nothing): the one reading
     * of the agency log's state changes, also used by the transparency report.
     */
    public static Optional<AgencyStatus> stateAfter(AuditEventType type, Optional<AgencyStatus> before) {
        return switch (type) {
            case AGENCY_APPLIED -> Optional.of(AgencyStatus.APPLIED);
            // the first checklist tick starts the review; later ones change nothing
            case AGENCY_CHECKED ->
                before.filter(s -> s != AgencyStatus.APPLIED).or(() -> Optional.of(AgencyStatus.IN_REVIEW));
            case AGENCY_APPROVED, AGENCY_REINSTATED -> Optional.of(AgencyStatus.APPROVED);
            case AGENCY_REJECTED -> Optional.of(AgencyStatus.REJECTED);
            case AGENCY_SUSPENDED -> Optional.of(AgencyStatus.SUSPENDED);
            case AGENCY_REVOKED -> Optional.of(AgencyStatus.REVOKED);
            case AGENCY_EXPIRED -> Optional.of(AgencyStatus.EXPIRED);
            case AGENCY_REVETTING -> Optional.of(AgencyStatus.IN_REVIEW);
            default -> before;
        };
    }

    private record StateChange(Instant at, long index, AgencyStatus state) {}

    private record Share(
            long index, String request, String agency, Set<String> clips, Optional<Instant> retentionEnds) {}

    /** One check: the agency timelines and request owners first, then the consent log in order. */
    private final class Run {

        private final List<Finding> findings = new ArrayList<>();
        private final Map<String, List<StateChange>> timelines = new HashMap<>();
        private final Map<String, String> requestAgency = new HashMap<>();
        private final Map<String, Share> shares = new HashMap<>();
        private final Map<String, Long> revokedAt = new HashMap<>();
        private long stateChanges;
        private long downloads;
        private long unbacked;
        private long revocations;
        private long retentionDeletions;

        Run(List<LoggedFact> agencyLog, List<LoggedFact> requestLog) {
            for (LoggedFact entry : agencyLog) {
                Optional<String> agency = required(entry, "agency");
                if (agency.isEmpty()) {
                    continue;
                }
                List<StateChange> timeline = timelines.computeIfAbsent(agency.get(), a -> new ArrayList<>());
                Optional<AgencyStatus> before = timeline.isEmpty()
                        ? Optional.empty()
                        : Optional.of(timeline.get(timeline.size() - 1).state());
                Optional<AgencyStatus> after = stateAfter(entry.fact().type(), before);
                if (after.isPresent() && !after.equals(before)) {
                    timeline.add(new StateChange(entry.fact().at(), entry.index(), after.get()));
                    stateChanges++;
                }
            }
            for (LoggedFact entry : requestLog) {
                if (entry.fact().type() == AuditEventType.REQUEST_SUBMITTED) {
                    Optional<String> request = required(entry, "request");
                    Optional<String> agency = required(entry, "agency");
                    if (request.isPresent() && agency.isPresent()) {
                        requestAgency.putIfAbsent(request.get(), agency.get());
                    }
                }
            }
        }

        PromiseReport check(List<LoggedFact> consentLog) {
            for (LoggedFact entry : consentLog) {
                switch (entry.fact().type()) {
                    case SHARE_CREATED -> share(entry);
                    case SHARE_REVOKED -> revocation(entry);
                    case CLIP_DOWNLOADED -> download(entry);
                    case CLIP_DELETED -> deletion(entry);
                    default -> {}
                }
            }
            List<Finding> ordered = new ArrayList<>(findings);
            ordered.sort(
                    (a, b) -> a.log() != b.log() ? a.log().compareTo(b.log()) : Long.compare(a.index(), b.index()));
            return new PromiseReport(
                    ordered, downloads, unbacked, shares.size(), revocations, retentionDeletions, stateChanges);
        }

        private void share(LoggedFact entry) {
            Optional<String> id = required(entry, "share");
            Optional<String> request = required(entry, "request");
            Optional<String> agency = required(entry, "agency");
            Optional<Instant> retentionEnds = instant(entry, "retentionEnds", true);
            List<String> clips = entry.fact().strings("clips");
            if (clips.isEmpty()) {
                incomplete(entry, "clips");
            }
            if (id.isEmpty() || request.isEmpty() || agency.isEmpty()) {
                return;
            }
            // A second share.created with the same id cannot widen the first: the first one counts.
            shares.putIfAbsent(
                    id.get(),
                    new Share(entry.index(), request.get(), agency.get(), new LinkedHashSet<>(clips), retentionEnds));
        }

        private void revocation(LoggedFact entry) {
            revocations++;
            required(entry, "share").ifPresent(share -> revokedAt.putIfAbsent(share, entry.index()));
        }

        private void download(LoggedFact entry) {
            downloads++;
            int before = findings.size();
            checkDownload(entry);
            if (findings.size() > before) {
                unbacked++;
            }
        }

        private void checkDownload(LoggedFact entry) {
            Optional<String> shareId = required(entry, "share");
            Optional<String> request = required(entry, "request");
            Optional<String> agency = required(entry, "agency");
            Optional<String> clip = required(entry, "clip");
            if (shareId.isEmpty() || request.isEmpty() || agency.isEmpty() || clip.isEmpty()) {
                return;
            }
            Instant at = entry.fact().at();
            Share share = shares.get(shareId.get());
            if (share == null) {
                add(entry, Promise.DOWNLOAD_HAS_A_SHARE, "no earlier share.created of share " + shareId.get());
            } else {
                if (!share.request().equals(request.get())) {
                    add(
                            entry,
                            Promise.DOWNLOAD_HAS_A_SHARE,
                            "share " + shareId.get() + " (entry " + share.index() + ") is for request "
                                    + share.request() + ", the download for request " + request.get());
                }
                if (!share.clips().contains(clip.get())) {
                    add(
                            entry,
                            Promise.DOWNLOAD_HAS_A_SHARE,
                            "share " + shareId.get() + " (entry " + share.index() + ") does not hold clip "
                                    + clip.get());
                }
                if (!share.agency().equals(agency.get())) {
                    add(
                            entry,
                            Promise.DOWNLOAD_BY_THE_SHARED_AGENCY,
                            "share " + shareId.get() + " (entry " + share.index() + ") was made to agency "
                                    + share.agency() + ", downloaded by agency " + agency.get());
                }
                Long revoked = revokedAt.get(shareId.get());
                if (revoked != null && revoked < entry.index()) {
                    add(
                            entry,
                            Promise.DOWNLOAD_BEFORE_REVOCATION,
                            "share " + shareId.get() + " was revoked at entry " + revoked);
                }
                share.retentionEnds()
                        .filter(ends -> !at.isBefore(ends))
                        .ifPresent(ends -> add(
                                entry,
                                Promise.DOWNLOAD_WITHIN_RETENTION,
                                "downloaded at " + at + ", share " + shareId.get() + "'s retention ended " + ends));
            }
            String owner = requestAgency.get(request.get());
            if (owner == null) {
                add(
                        entry,
                        Promise.DOWNLOAD_BY_THE_SHARED_AGENCY,
                        "request " + request.get() + " has no request.submitted in the request log");
            } else if (!owner.equals(agency.get())) {
                add(
                        entry,
                        Promise.DOWNLOAD_BY_THE_SHARED_AGENCY,
                        "request " + request.get() + " is agency " + owner + "'s, downloaded by agency "
                                + agency.get());
            }
            Optional<StateChange> state = stateAt(agency.get(), at);
            if (state.isEmpty() || state.get().state() != AgencyStatus.APPROVED) {
                add(
                        entry,
                        Promise.DOWNLOAD_BY_AN_APPROVED_AGENCY,
                        state.map(s -> "agency " + agency.get() + " was " + s.state() + " at " + at
                                        + " (agency log entry " + s.index() + ")")
                                .orElse("agency " + agency.get() + " has no state in the agency log at " + at));
            }
        }

        private void deletion(LoggedFact entry) {
            Optional<String> cause = required(entry, "cause");
            if (cause.isEmpty() || !cause.get().equals("retention")) {
                return;
            }
            retentionDeletions++;
            Optional<Instant> ends = instant(entry, "retentionEnds", false);
            if (ends.isEmpty()) {
                ends = entry.fact().string("share").map(shares::get).flatMap(Share::retentionEnds);
            }
            if (ends.isEmpty()) {
                incomplete(entry, "retentionEnds");
                return;
            }
            Instant deadline = ends.get().plus(retentionGrace);
            if (entry.fact().at().isAfter(deadline)) {
                add(
                        entry,
                        Promise.DELETION_AT_RETENTION_ON_TIME,
                        "deleted at " + entry.fact().at() + ", retention ended " + ends.get() + ", grace "
                                + retentionGrace + ": "
                                + Duration.between(deadline, entry.fact().at()) + " late");
            }
        }

        private Optional<StateChange> stateAt(String agency, Instant at) {
            StateChange last = null;
            for (StateChange change : timelines.getOrDefault(agency, List.of())) {
                if (change.at().isAfter(at)) {
                    break;
                }
                last = change;
            }
            return Optional.ofNullable(last);
        }

        private Optional<String> required(LoggedFact entry, String key) {
            Optional<String> value = entry.fact().string(key).filter(v -> !v.isEmpty());
            if (value.isEmpty()) {
                incomplete(entry, key);
            }
            return value;
        }

        /** An instant attribute; a missing one is a finding only when {@code required}, a malformed one always. */
        private Optional<Instant> instant(LoggedFact entry, String key, boolean required) {
            Optional<String> text = entry.fact().string(key);
            if (text.isEmpty()) {
                if (required) {
                    incomplete(entry, key);
                }
                return Optional.empty();
            }
            try {
                return Optional.of(Instant.parse(text.get()));
            } catch (DateTimeParseException e) {
                add(entry, Promise.ENTRY_IS_COMPLETE, "'" + key + "' is not an ISO-8601 instant: " + text.get());
                return Optional.empty();
            }
        }

        private final Set<String> reported = new HashSet<>();

        private void incomplete(LoggedFact entry, String key) {
            if (reported.add(entry.log() + "/" + entry.index() + "/" + key)) {
                add(entry, Promise.ENTRY_IS_COMPLETE, entry.fact().type().wireName() + " has no '" + key + "'");
            }
        }

        private void add(LoggedFact entry, Promise promise, String detail) {
            findings.add(new Finding(entry.log(), entry.index(), promise, Objects.requireNonNull(detail)));
        }
    }
}
