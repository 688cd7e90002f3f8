package org.neighborshare.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event feed loses nothing and applies nothing twice: with consent-service stopped, three requests are
 * published; once it is back, all three reach the owners' inboxes, each exactly once.
 */
@ExtendWith(RunningSuite.class)
class FeedResilienceIT {

    @Test
    void requestsPublishedWhileConsentServiceIsDownArriveOnceWhenItIsBack() {
        RunningSuite.suite().stop("consent-service");
        List<String> ids;
        try {
            String tag = UUID.randomUUID().toString().substring(0, 6);
            ids = List.of(
                    Requests.postAndPublish("DOWN-" + tag + "-1"),
                    Requests.postAndPublish("DOWN-" + tag + "-2"),
                    Requests.postAndPublish("DOWN-" + tag + "-3"));
        } finally {
            RunningSuite.suite().start("consent-service");
        }
        List<String> inbox = Requests.awaitInbox(DemoData.ALICE, got -> got.containsAll(ids), Duration.ofSeconds(30));
        for (String id : ids) {
            assertEquals(1, inbox.stream().filter(id::equals).count(), "request " + id + " delivered once");
        }
    }
}
