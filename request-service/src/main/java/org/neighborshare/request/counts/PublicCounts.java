package org.neighborshare.request.counts;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Counts for a page of the public log: one call to consent-service for the requests not in the cache. The public
 * log is read by anyone, so counts are cached briefly; and it must stay up when consent-service is down, so
 * then the counts are simply left out.
 */
@ApplicationScoped
public class PublicCounts {

    private static final Logger LOG = Logger.getLogger(PublicCounts.class);

    @Inject
    CountsSource source;

    @Inject
    @CacheName("request-counts")
    Cache cache;

    /** The counts of each request consent-service could report; absent ids have unknown counts. */
    public Map<UUID, RequestCounts> of(List<UUID> requestIds) {
        CaffeineCache cached = cache.as(CaffeineCache.class);
        Map<UUID, RequestCounts> found = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID id : requestIds) {
            CompletableFuture<Object> hit = cached.getIfPresent(id);
            if (hit != null && hit.isDone() && !hit.isCompletedExceptionally()) {
                found.put(id, (RequestCounts) hit.join());
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        try {
            for (RequestCounts c : source.counts(missing)) {
                cached.put(c.requestId(), CompletableFuture.completedFuture(c));
                found.put(c.requestId(), c);
            }
        } catch (RuntimeException e) {
            // Counts decorate the log; an unreachable or failing consent-service must not take the log down.
            LOG.warnf("request counts unavailable, public log served without them: %s", e.toString());
        }
        return found;
    }
}
