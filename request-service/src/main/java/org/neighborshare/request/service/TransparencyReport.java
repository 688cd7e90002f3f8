package org.neighborshare.request.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The public transparency report (docs/rules.md, footage requests): how many requests were submitted, published,
 * rejected and are still waiting, and how long moderation took, with emergencies counted separately. Aggregates
 * over agencies' requests only; nothing about owners is in here.
 */
@ApplicationScoped
public class TransparencyReport {

    public record Tally(
            long submitted,
            long published,
            long rejected,
            long pending,
            Double medianSecondsToDecision,
            Double maxSecondsToDecision) {

        static final Tally NONE = new Tally(0, 0, 0, 0, null, null);
    }

    public record Report(Instant generatedAt, Tally regular, Tally emergency) {}

    @Inject
    Clock clock;

    public Report now() {
        // Published means it passed moderation, whatever happened after (closed, expired).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                select emergency,
                       count(*),
                       count(*) filter (where state in ('PUBLISHED', 'CLOSED', 'EXPIRED')),
                       count(*) filter (where state = 'REJECTED'),
                       count(*) filter (where state = 'PENDING_REVIEW'),
                       percentile_cont(0.5) within group (order by extract(epoch from decided_at - created_at))
                           filter (where decided_at is not null),
                       max(extract(epoch from decided_at - created_at))
                from footage_request group by emergency""").getResultList();
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
        return new Report(clock.instant(), regular, emergency);
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    private static Double d(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
