package org.neighborshare.consent.feed;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.neighborshare.consent.config.ConsentConfig;
import org.neighborshare.shared.events.FeedPage;

/**
 * Polls the request event feed from the persisted cursor. If either side was down it simply resumes where it
 * stopped, so no event is lost; FeedApplier makes a replay harmless.
 */
@ApplicationScoped
public class FeedConsumer {

    private static final Logger LOG = Logger.getLogger(FeedConsumer.class);

    @Inject
    ConsentConfig config;
    @Inject
    FeedApplier applier;
    @Inject
    @RestClient
    RequestFeedClient feed;

    private volatile boolean failing;

    @Scheduled(every = "${consent.feed.poll-every:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.feed().enabled()) {
            return;
        }
        try {
            while (pollOnce() > 0) {
                // drain the backlog before sleeping again
            }
            if (failing) {
                LOG.info("request event feed reachable again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("request event feed unreachable, will retry: %s", e.getMessage());
                failing = true;
            }
        }
    }

    int pollOnce() {
        FeedPage page = feed.read(applier.position(), config.feed().batchSize());
        page.events().forEach(applier::apply);
        return page.events().size();
    }
}
