package org.neighborshare.consent.feed;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The feed consumer's state at {@code /q/health/well} (and {@code /q/health}): DOWN while it is stuck on an event
 * (details {@code stuckEvent}, {@code reason}, {@code failedAttempts}…) or cannot read the feed. A wellness check,
 * not readiness: the owners' API works on while the feed waits, so the service must not be taken out of traffic.
 */
@Wellness
@ApplicationScoped
public class FeedHealthCheck implements HealthCheck {

    @Inject
    FeedStatus status;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("request-event-feed")
                .withData("lastAppliedSeq", status.lastApplied())
                .withData("stuckEventsSinceStart", status.stuckEvents());
        FeedStatus.Stuck s = status.stuck();
        if (s != null) {
            return b.down()
                    .withData("stuckEvent", s.eventId().toString())
                    .withData("stuckSeq", s.seq())
                    .withData("stuckType", String.valueOf(s.type()))
                    .withData("stuckRequestId", String.valueOf(s.requestId()))
                    .withData("reason", s.reason())
                    .withData("stuckSince", s.since().toString())
                    .withData("failedAttempts", s.failedAttempts())
                    .build();
        }
        String unreachable = status.unreachable();
        if (unreachable != null) {
            return b.down()
                    .withData("reason", "feed unreachable: " + unreachable)
                    .build();
        }
        return b.up().build();
    }
}
