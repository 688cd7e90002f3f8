package org.neighborshare.request;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.neighborshare.request.counts.CountsSource;
import org.neighborshare.request.counts.RequestCounts;

/**
 * Unit-test stand-in for consent-service's counts: reports what a test put in, records what was asked, and can
 * be made to fail. The end-to-end tests read the real counts through the gateway.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestCounts implements CountsSource {

    private final Map<UUID, RequestCounts> known = new ConcurrentHashMap<>();
    private final List<UUID> asked = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    public void put(RequestCounts counts) {
        known.put(counts.requestId(), counts);
    }

    public void failing(boolean on) {
        failing = on;
    }

    public List<UUID> asked() {
        return List.copyOf(asked);
    }

    @Override
    public List<RequestCounts> counts(List<UUID> requestIds) {
        asked.addAll(requestIds);
        if (failing) {
            throw new jakarta.ws.rs.ProcessingException("consent-service unreachable (test)");
        }
        return requestIds.stream().filter(known::containsKey).map(known::get).toList();
    }
}
