package org.neighborshare.consent.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neighborshare.shared.problem.ProblemException;

/**
 * Counts for the public request log. Cameras reached: the active cameras in the area when the request was
 * delivered. Neighbours shared and clips: over shares not revoked (expired shares still count: the sharing
 * happened). Declines are never counted or shown.
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

    /** Counts of every known request among {@code requestIds}; unknown ids are left out. Three queries in all. */
    public Map<UUID, RequestCounts> counts(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        List<UUID> known = Panache.getEntityManager()
                .createQuery("select p.id from PublishedRequest p where p.id in :r", UUID.class)
                .setParameter("r", requestIds).getResultList();
        Map<UUID, Long> cameras = grouped("""
                select i.requestId, sum(i.cameras) from InboxItem i where i.requestId in :r group by i.requestId""",
                known);
        Map<UUID, Long> neighbours = grouped("""
                select s.requestId, count(distinct s.ownerId) from Share s
                where s.requestId in :r and s.revokedAt is null group by s.requestId""", known);
        Map<UUID, Long> clips = grouped("""
                select s.requestId, count(distinct sc.clipId) from Share s, ShareClip sc
                where sc.shareId = s.id and s.requestId in :r and s.revokedAt is null group by s.requestId""", known);
        Map<UUID, RequestCounts> result = new LinkedHashMap<>();
        for (UUID id : known) {
            result.put(id, new RequestCounts(SmallCounts.suppress(cameras.getOrDefault(id, 0L)),
                    SmallCounts.suppress(neighbours.getOrDefault(id, 0L)),
                    SmallCounts.suppress(clips.getOrDefault(id, 0L))));
        }
        return result;
    }

    private static Map<UUID, Long> grouped(String hql, Collection<UUID> requestIds) {
        Map<UUID, Long> byRequest = new HashMap<>();
        if (requestIds.isEmpty()) {
            return byRequest;
        }
        List<Object[]> rows = Panache.getEntityManager().createQuery(hql, Object[].class)
                .setParameter("r", requestIds).getResultList();
        for (Object[] row : rows) {
            byRequest.put((UUID) row[0], row[1] == null ? 0 : ((Number) row[1]).longValue());
        }
        return byRequest;
    }
}
