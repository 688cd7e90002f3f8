package org.neighborshare.consent.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.neighborshare.consent.domain.PublishedRequest;
import org.neighborshare.shared.problem.ProblemException;

/**
 * Counts for the public request log. Cameras reached: the active cameras in the area when the request was
 * delivered. Neighbours shared and clips: over shares not revoked (expired shares still count: the sharing
 * happened). Declines are never counted or shown.
 */
@ApplicationScoped
public class CountsService {

    public RequestCounts counts(UUID requestId) {
        if (PublishedRequest.findById(requestId) == null) {
            throw ProblemException.notFound("request " + requestId);
        }
        long cameras = count("select sum(i.cameras) from InboxItem i where i.requestId = :r", requestId);
        long neighbours = count("""
                select count(distinct s.ownerId) from Share s
                where s.requestId = :r and s.revokedAt is null""", requestId);
        long clips = count("""
                select count(distinct sc.clipId) from Share s, ShareClip sc
                where sc.shareId = s.id and s.requestId = :r and s.revokedAt is null""", requestId);
        return new RequestCounts(SmallCounts.suppress(cameras), SmallCounts.suppress(neighbours),
                SmallCounts.suppress(clips));
    }

    private static long count(String hql, UUID requestId) {
        Object n = Panache.getEntityManager().createQuery(hql).setParameter("r", requestId).getSingleResult();
        return n == null ? 0 : ((Number) n).longValue();
    }
}
