package org.neighborshare.consent.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.neighborshare.consent.domain.FeedCursor;
import org.neighborshare.consent.domain.ProcessedEvent;
import org.neighborshare.consent.service.InboxService;
import org.neighborshare.shared.events.FeedPage;
import org.neighborshare.shared.events.RequestEnded;
import org.neighborshare.shared.events.RequestPublished;

/**
 * Applies one feed event, its effects, the processed-event mark and the cursor in one transaction: a crash
 * anywhere leaves either all or none, and an event seen twice is applied once.
 */
@ApplicationScoped
public class FeedApplier {

    public static final String FEED = "request-events";
    private static final Logger LOG = Logger.getLogger(FeedApplier.class);

    @Inject
    InboxService inbox;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Transactional
    public boolean apply(FeedPage.Event event) {
        boolean fresh = ProcessedEvent.markOnce(event.eventId(), clock.instant());
        if (fresh) {
            try {
                switch (event.type()) {
                    case RequestPublished.TYPE -> {
                        int owners = inbox.deliver(json.treeToValue(event.payload(), RequestPublished.class));
                        LOG.infof("request %s delivered to %d owner(s)", event.requestId(), owners);
                    }
                    case RequestEnded.TYPE -> inbox.end(json.treeToValue(event.payload(), RequestEnded.class));
                    default -> LOG.debugf("ignoring feed event type %s", event.type());
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("unreadable feed event " + event.eventId(), e);
            }
        }
        FeedCursor.advance(FEED, event.seq());
        return fresh;
    }

    @Transactional
    public long position() {
        return FeedCursor.position(FEED);
    }
}
