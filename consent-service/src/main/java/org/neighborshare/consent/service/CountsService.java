package org.neighborshare.consent.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neighborshare.consent.domain.PublishedRequest;
import org.neighborshare.shared.input.ReportPeriod;
import org.neighborshare.shared.privacy.SmallCounts;
import org.neighborshare.shared.problem.ProblemException;

/**
 * Counts for the public request log, each published through {@link SmallCounts} (owners decide suppression, noisy
 * rounding to 5). Cameras reached: the cameras asked at delivery, shown when 5+ owners were reached. Neighbours
 * shared and clips: over shares not revoked (expired shares still count: the sharing happened), shown when 5+
 * owners shared. Declines are never counted or shown.
 */
@ApplicationScoped
public class CountsService {

    public RequestCounts counts(UUID requestId) {
        RequestCounts c = counts(List.of(requestId)).get(requestId);
        if (c == null) {
            throw ProblemException.notFound("request " + requestId);
        }
        return c;
    }

    /** Counts of every known request among {@code requestIds}; unknown ids are left out. Four queries in all. */
    public Map<UUID, RequestCounts> counts(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        List<PublishedRequest> known = Panache.getEntityManager()
                .createQuery("select p from PublishedRequest p where p.id in :r", PublishedRequest.class)
                .setParameter("r", requestIds)
                .getResultList();
        List<UUID> ids = known.stream().map(p -> p.requestId).toList();
        Map<UUID, long[]> reached = grouped("""
                select i.requestId, count(i), sum(i.cameras) from InboxItem i
                where i.requestId in :r group by i.requestId""", ids);
        Map<UUID, long[]> shared = grouped("""
                select s.requestId, count(distinct s.ownerId), count(distinct s.ownerId) from Share s
                where s.requestId in :r and s.revokedAt is null group by s.requestId""", ids);
        Map<UUID, long[]> clips = grouped("""
                select s.requestId, count(distinct s.ownerId), count(distinct sc.clipId) from Share s, ShareClip sc
                where sc.shareId = s.id and s.requestId in :r and s.revokedAt is null group by s.requestId""", ids);
        long[] none = {0, 0};
        Map<UUID, RequestCounts> result = new LinkedHashMap<>();
        for (PublishedRequest p : known) {
            long[] r = reached.getOrDefault(p.requestId, none);
            long[] s = shared.getOrDefault(p.requestId, none);
            long[] c = clips.getOrDefault(p.requestId, none);
            result.put(
                    p.requestId,
                    new RequestCounts(
                            SmallCounts.publish(r[1], r[0], p.countNoiseCameras),
                            SmallCounts.publish(s[1], s[0], p.countNoiseNeighbours),
                            SmallCounts.publish(c[1], c[0], p.countNoiseClips)));
        }
        return result;
    }

    /** Rows of (request id, owners, count) by request. */
    private static Map<UUID, long[]> grouped(String hql, Collection<UUID> requestIds) {
        Map<UUID, long[]> byRequest = new HashMap<>();
        if (requestIds.isEmpty()) {
            return byRequest;
        }
        List<Object[]> rows = Panache.getEntityManager()
                .createQuery(hql, Object[].class)
                .setParameter("r", requestIds)
                .getResultList();
        for (Object[] row : rows) {
            byRequest.put((UUID) row[0], new long[] {number(row[1]), number(row[2])});
        }
        return byRequest;
    }

    /**
     * How owners answered the requests delivered to them in a period (already widened to whole days by the caller):
     * the requests asked of owners, shared and declined, each published through {@link SmallCounts} with the
     * owners behind it (no per-request noise here: the figure spans many requests). For the transparency report's
     * share and decline rates; declines are counted only in this aggregate, never per request.
     */
    public AnswerCounts answers(ReportPeriod period) {
        Object[] row = (Object[]) Panache.getEntityManager()
                .createNativeQuery("""
                        select count(*), count(distinct owner_id),
                               count(*) filter (where response = 'SHARE'),
                               count(distinct owner_id) filter (where response = 'SHARE'),
                               count(*) filter (where response = 'DECLINE'),
                               count(distinct owner_id) filter (where response = 'DECLINE')
                        from inbox_item
                        where received_at >= :from and received_at < :to""")
                .setParameter("from", period.from().orElse(java.time.Instant.EPOCH))
                .setParameter("to", period.to().orElse(java.time.Instant.parse("9999-12-31T00:00:00Z")))
                .getSingleResult();
        return new AnswerCounts(
                SmallCounts.publish(number(row[0]), number(row[1]), 0),
                SmallCounts.publish(number(row[2]), number(row[3]), 0),
                SmallCounts.publish(number(row[4]), number(row[5]), 0));
    }

    /** Requests asked of owners, shared and declined in a period; each null below 5 owners (I2). */
    public record AnswerCounts(Long asked, Long shared, Long declined) {}

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
