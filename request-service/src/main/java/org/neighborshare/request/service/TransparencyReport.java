package org.neighborshare.request.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.neighborshare.request.counts.ConsentCountsClient;
import org.neighborshare.request.domain.IncidentType;
import org.neighborshare.request.domain.RequestState;
import org.neighborshare.request.logs.CheckedLogs;
import org.neighborshare.request.logs.PublicLogs;
import org.neighborshare.shared.agency.AgencyStatus;
import org.neighborshare.shared.audit.AuditEventType;
import org.neighborshare.shared.audit.AuditEventType.LogName;
import org.neighborshare.shared.audit.promise.Finding;
import org.neighborshare.shared.audit.promise.LoggedFact;
import org.neighborshare.shared.audit.promise.PromiseChecker;
import org.neighborshare.shared.audit.promise.PromiseReport;
import org.neighborshare.shared.input.ReportPeriod;
import org.neighborshare.shared.privacy.SmallCounts;

/**
 * The public transparency report (issue "accountability", item 5; docs/rules.md): for a period,
 *
 * <ul>
 *   <li>agencies, from the agency log: enrolled now by type and state, applications approved and rejected, every
 *       suspension and revocation with its reason;
 *   <li>requests, from this service's own table (whose every decision is also in the request log): by incident type
 *       and state, and moderation with emergencies apart (submitted, published, rejected, pending, median and
 *       longest time to decision);
 *   <li>footage, from the consent log: clips shared, downloaded, deleted at retention; and from consent-service the
 *       share and decline rates (declines are never in a public log). Each concerns owners, so each goes through
 *       {@link SmallCounts} (null below 5 owners) and is counted over whole UTC days ({@link
 *       ReportPeriod#wholeDays()}), so that periods a minute apart cannot be differenced;
 *   <li>downloads not backed by a valid share: the {@link PromiseChecker} over the three logs' entries, the same
 *       check the verifier runs, never a constant.
 * </ul>
 *
 * Every log figure names the checkpoints (size, root, signed note) it was computed at. When the logs cannot be read
 * the log figures are null and {@code logsUnavailable} says why; the report is never refused for it.
 */
@ApplicationScoped
public class TransparencyReport {

    private static final Logger LOG = Logger.getLogger(TransparencyReport.class);

    public record Tally(
            long submitted,
            long published,
            long rejected,
            long pending,
            Double medianSecondsToDecision,
            Double maxSecondsToDecision) {

        static final Tally NONE = new Tally(0, 0, 0, 0, null, null);
    }

    public record Period(Instant from, Instant to, Instant ownerFiguresFrom, Instant ownerFiguresTo) {}

    public record LogAt(String log, long size, String rootHash, String checkpoint) {}

    public record AgencyDecision(String agency, Instant at, String reason, long entry) {}

    public record Agencies(
            Map<String, Long> enrolledByType,
            Map<String, Long> byState,
            Map<String, Map<String, Long>> byTypeAndState,
            long approved,
            long rejected,
            List<AgencyDecision> suspensions,
            List<AgencyDecision> revocations) {}

    public record Requests(Map<String, Long> byIncidentType, Map<String, Long> byState) {}

    public record Footage(
            Long clipsShared,
            Long clipsDownloaded,
            Long clipsDeletedAtRetention,
            Long requestsAskedOfOwners,
            Long shared,
            Long declined,
            Double shareRate,
            Double declineRate) {}

    public record Report(
            Instant generatedAt,
            Period period,
            List<LogAt> logs,
            String logsUnavailable,
            Agencies agencies,
            Requests requests,
            Tally regular,
            Tally emergency,
            Footage footage,
            Long downloadsNotBackedByAValidShare,
            List<String> brokenPromises) {}

    @Inject
    Clock clock;

    @Inject
    CheckedLogs checkedLogs;

    @Inject
    @RestClient
    ConsentCountsClient consent;

    public Report now() {
        return report(ReportPeriod.ALL_TIME);
    }

    public Report report(ReportPeriod period) {
        Instant now = clock.instant();
        ReportPeriod owners = period.wholeDays();
        Map<LogName, PublicLogs.LogCopy> logs = null;
        PromiseReport promises = null;
        String unavailable = null;
        try {
            CheckedLogs.Checked checked = checkedLogs.latest();
            logs = checked.logs();
            promises = checked.promises();
        } catch (RuntimeException e) {
            unavailable = "the public logs could not be read: " + e.getMessage();
            LOG.debugf("transparency report without the logs: %s", e.getMessage());
        }
        Agencies agencies = null;
        Long unbacked = null;
        List<String> broken = null;
        List<LogAt> at = null;
        Long clipsShared = null;
        Long downloaded = null;
        Long deleted = null;
        if (logs != null) {
            at = new ArrayList<>();
            for (PublicLogs.LogCopy copy : logs.values()) {
                at.add(new LogAt(
                        copy.log().path(),
                        copy.size(),
                        Base64.getEncoder().encodeToString(copy.rootHash()),
                        copy.checkpoint()));
            }
            List<LoggedFact> consentLog = logs.get(LogName.CONSENT).facts();
            agencies = agencies(logs.get(LogName.AGENCY).facts(), period, now);
            unbacked = unbackedIn(promises, consentLog, period);
            broken = promises.findings().stream().map(Finding::describe).toList();
            clipsShared = ownerCount(
                    consentLog,
                    owners,
                    AuditEventType.SHARE_CREATED,
                    f -> f.strings("clips").size());
            downloaded = ownerCount(consentLog, owners, AuditEventType.CLIP_DOWNLOADED, f -> 1);
            deleted = ownerCount(
                    consentLog,
                    owners,
                    AuditEventType.CLIP_DELETED,
                    f -> f.string("cause").filter("retention"::equals).isPresent() ? 1 : 0);
        }
        ConsentCountsClient.Answers answers = answers(period);
        Footage footage = new Footage(
                clipsShared,
                downloaded,
                deleted,
                answers.asked(),
                answers.shared(),
                answers.declined(),
                rate(answers.shared(), answers.asked()),
                rate(answers.declined(), answers.asked()));
        Tally[] tallies = tallies(period);
        return new Report(
                now,
                new Period(
                        period.from().orElse(null),
                        period.to().orElse(null),
                        owners.from().orElse(null),
                        owners.to().orElse(null)),
                at,
                unavailable,
                agencies,
                requests(period),
                tallies[0],
                tallies[1],
                footage,
                unbacked,
                broken);
    }

    /** The clip.downloaded entries in the period with at least one broken promise. */
    private static long unbackedIn(PromiseReport promises, List<LoggedFact> consentLog, ReportPeriod period) {
        Map<Long, LoggedFact> byIndex = new HashMap<>();
        consentLog.forEach(f -> byIndex.put(f.index(), f));
        Set<Long> unbacked = new HashSet<>();
        for (Finding finding : promises.findings()) {
            LoggedFact fact = finding.log() == LogName.CONSENT ? byIndex.get(finding.index()) : null;
            if (fact != null
                    && fact.fact().type() == AuditEventType.CLIP_DOWNLOADED
                    && period.contains(fact.fact().at())) {
                unbacked.add(finding.index());
            }
        }
        return unbacked.size();
    }

    /**
     * A count over consent-log entries of one type in the period, through {@link SmallCounts}: the owners behind it
     * are the distinct owner commitments (one per owner and request, so at least as many as the owners).
     */
    private static Long ownerCount(
            List<LoggedFact> consentLog,
            ReportPeriod period,
            AuditEventType type,
            java.util.function.ToIntFunction<org.neighborshare.shared.audit.AuditFact> weight) {
        long count = 0;
        Set<String> owners = new HashSet<>();
        for (LoggedFact entry : consentLog) {
            if (entry.fact().type() != type || !period.contains(entry.fact().at())) {
                continue;
            }
            int w = weight.applyAsInt(entry.fact());
            if (w > 0) {
                count += w;
                entry.fact().string("owner").ifPresent(owners::add);
            }
        }
        return SmallCounts.publish(count, owners.size(), 0);
    }

    private Agencies agencies(List<LoggedFact> agencyLog, ReportPeriod period, Instant now) {
        Map<String, String> type = new HashMap<>();
        Map<String, AgencyStatus> state = new LinkedHashMap<>();
        long approved = 0;
        long rejected = 0;
        List<AgencyDecision> suspensions = new ArrayList<>();
        List<AgencyDecision> revocations = new ArrayList<>();
        for (LoggedFact entry : agencyLog) {
            Optional<String> agency = entry.fact().string("agency");
            if (agency.isEmpty()) {
                continue;
            }
            AuditEventType t = entry.fact().type();
            entry.fact().string("agencyType").ifPresent(v -> type.putIfAbsent(agency.get(), v));
            if (!entry.fact().at().isAfter(now)) {
                PromiseChecker.stateAfter(t, Optional.ofNullable(state.get(agency.get())))
                        .ifPresent(s -> state.put(agency.get(), s));
            }
            if (!period.contains(entry.fact().at())) {
                continue;
            }
            String reason = entry.fact().string("reason").orElse(null);
            switch (t) {
                case AGENCY_APPROVED -> approved++;
                case AGENCY_REJECTED -> rejected++;
                case AGENCY_SUSPENDED ->
                    suspensions.add(
                            new AgencyDecision(agency.get(), entry.fact().at(), reason, entry.index()));
                case AGENCY_REVOKED ->
                    revocations.add(
                            new AgencyDecision(agency.get(), entry.fact().at(), reason, entry.index()));
                default -> {}
            }
        }
        Map<String, Long> enrolled = new TreeMap<>(Map.of("POLICE", 0L, "FIRE", 0L));
        Map<String, Long> byState = new TreeMap<>();
        Map<String, Map<String, Long>> byTypeAndState = new TreeMap<>();
        for (AgencyStatus s : AgencyStatus.values()) {
            byState.put(s.name(), 0L);
        }
        state.forEach((agency, s) -> {
            String agencyType = type.getOrDefault(agency, "UNKNOWN");
            byState.merge(s.name(), 1L, Long::sum);
            byTypeAndState.computeIfAbsent(agencyType, k -> new TreeMap<>()).merge(s.name(), 1L, Long::sum);
            if (s.isApproved()) {
                enrolled.merge(agencyType, 1L, Long::sum);
            }
        });
        return new Agencies(enrolled, byState, byTypeAndState, approved, rejected, suspensions, revocations);
    }

    private ConsentCountsClient.Answers answers(ReportPeriod period) {
        try {
            return consent.answers(
                    period.from().map(Instant::toString).orElse(null),
                    period.to().map(Instant::toString).orElse(null));
        } catch (RuntimeException e) {
            LOG.debugf("transparency report without consent-service's answers: %s", e.getMessage());
            return new ConsentCountsClient.Answers(null, null, null);
        }
    }

    private static Double rate(Long part, Long whole) {
        return part == null || whole == null || whole == 0 ? null : (double) part / whole;
    }

    private static Requests requests(ReportPeriod period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("""
                        select incident_type, state, count(*) from footage_request
                        where created_at >= :from and created_at < :to group by incident_type, state""")
                .setParameter("from", period.from().orElse(Instant.EPOCH))
                .setParameter("to", period.to().orElse(Instant.parse("9999-12-31T00:00:00Z")))
                .getResultList();
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byState = new TreeMap<>();
        for (IncidentType t : IncidentType.values()) {
            byType.put(t.name(), 0L);
        }
        for (RequestState s : RequestState.values()) {
            byState.put(s.name(), 0L);
        }
        for (Object[] r : rows) {
            byType.merge(String.valueOf(r[0]), n(r[2]), Long::sum);
            byState.merge(String.valueOf(r[1]), n(r[2]), Long::sum);
        }
        return new Requests(byType, byState);
    }

    /** Moderation, regular and emergency apart, of the requests submitted in the period. */
    private static Tally[] tallies(ReportPeriod period) {
        // Published means it passed moderation, whatever happened after (closed, expired).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("""
                        select emergency,
                               count(*),
                               count(*) filter (where state in ('PUBLISHED', 'CLOSED', 'EXPIRED')),
                               count(*) filter (where state = 'REJECTED'),
                               count(*) filter (where state = 'PENDING_REVIEW'),
                               percentile_cont(0.5) within group (order by extract(epoch from decided_at - created_at))
                                   filter (where decided_at is not null),
                               max(extract(epoch from decided_at - created_at))
                        from footage_request
                        where created_at >= :from and created_at < :to
                        group by emergency""")
                .setParameter("from", period.from().orElse(Instant.EPOCH))
                .setParameter("to", period.to().orElse(Instant.parse("9999-12-31T00:00:00Z")))
                .getResultList();
        Tally regular = Tally.NONE;
        Tally emergency = Tally.NONE;
        for (Object[] r : rows) {
            Tally t = new Tally(n(r[1]), n(r[2]), n(r[3]), n(r[4]), d(r[5]), d(r[6]));
            if ((Boolean) r[0]) {
                emergency = t;
            } else {
                regular = t;
            }
        }
        return new Tally[] {regular, emergency};
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    private static Double d(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
