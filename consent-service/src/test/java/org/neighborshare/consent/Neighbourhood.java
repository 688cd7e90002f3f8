package org.neighborshare.consent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.neighborshare.consent.feed.FeedApplier;
import org.neighborshare.shared.events.FeedPage;

/**
 * One test's own place and hour of the past: a random centre in a 10° square that its test class keeps to, and a
 * one-hour window ending two hours ago. A request published here reaches only the cameras placed here, so tests
 * sharing the database never meet each other's owners.
 */
public final class Neighbourhood {

    /** Metres per degree of latitude. */
    private static final double METRES_PER_DEGREE = 111_195.0;

    public final double lat;
    public final double lon;
    public final Instant windowEnd = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    public final Instant windowStart = windowEnd.minus(1, ChronoUnit.HOURS);
    public final Instant inWindow = windowStart.plus(10, ChronoUnit.MINUTES);

    /** A centre somewhere in the square from ({@code south}, {@code west}) 10° north and east. */
    public Neighbourhood(double south, double west) {
        this.lat = south + Math.random() * 10;
        this.lon = west + Math.random() * 10;
    }

    /** A camera about 55 m north of the centre. */
    public String camera(String ownerId) {
        return Api.camera(ownerId, lat + 0.0005, lon);
    }

    /** A camera {@code metres} north of the centre. */
    public String cameraAt(String ownerId, double metres) {
        return Api.camera(ownerId, lat + metres / METRES_PER_DEGREE, lon);
    }

    /** A clip recorded within the window. */
    public String clip(String ownerId, String cameraId) {
        return Api.upload(ownerId, cameraId, inWindow, Api.video(4096));
    }

    /** The feed event of a request over this window, 300 m round the centre, of some agency. */
    public FeedPage.Event publication(long seq, UUID requestId) {
        return Api.published(seq, requestId, UUID.randomUUID(), windowStart, windowEnd, lat, lon, 300);
    }

    /** Publishes a request of the agency, 300 m round the centre, as the feed would; returns its id. */
    public UUID publish(UUID agency) {
        return publish(agency, 300);
    }

    public UUID publish(UUID agency, double radius) {
        return publish(agency, lat, lon, radius);
    }

    public UUID publish(UUID agency, double latitude, double longitude) {
        return publish(agency, latitude, longitude, 300);
    }

    private UUID publish(UUID agency, double latitude, double longitude, double radius) {
        UUID requestId = UUID.randomUUID();
        FeedPage.Event event =
                Api.published(Api.nextSeq(), requestId, agency, windowStart, windowEnd, latitude, longitude, radius);
        assertTrue(Arc.container().instance(FeedApplier.class).get().apply(event), "a new event is applied");
        return requestId;
    }
}
