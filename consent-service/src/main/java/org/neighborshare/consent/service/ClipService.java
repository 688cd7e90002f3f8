package org.neighborshare.consent.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.neighborshare.consent.config.ConsentConfig;
import org.neighborshare.consent.domain.Camera;
import org.neighborshare.consent.domain.Clip;
import org.neighborshare.consent.store.ClipStore;
import org.neighborshare.consent.store.ClipTooLargeException;
import org.neighborshare.consent.store.StoredClip;
import org.neighborshare.shared.problem.ProblemException;

/** An owner's clips: upload (streamed to the clip store, never held in memory) and listing. */
@ApplicationScoped
public class ClipService {

    /** Clock skew tolerated for a recording time reported by a camera. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(ClipService.class);

    @Inject
    ClipStore store;

    @Inject
    ConsentConfig config;

    @Inject
    Clock clock;

    public long maxSize() {
        return config.clips().maxSize().asLongValue();
    }

    /**
     * Checks the camera, streams the body to the store, then records the clip. No transaction is held while the
     * bytes arrive. Any failure leaves neither bytes nor a row.
     */
    public Clip upload(String ownerId, UUID cameraId, Instant recordedAt, String contentType, InputStream body) {
        QuarkusTransaction.requiringNew().run(() -> Camera.ofOwner(ownerId, cameraId));
        if (recordedAt.isAfter(Times.now(clock).plus(FUTURE_TOLERANCE))) {
            throw ProblemException.invalidField("recordedAt", "must not be in the future");
        }
        StoredClip stored;
        try {
            stored = store.write(body, maxSize());
        } catch (ClipTooLargeException e) {
            throw tooLarge(e.limit());
        } catch (IOException e) {
            throw ProblemException.malformedField("body", "the upload did not complete: " + e.getMessage());
        }
        if (stored.size() == 0) {
            discard(stored.key());
            throw ProblemException.malformedField("body", "the clip is empty");
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Camera.ofOwner(ownerId, cameraId); // still there, still theirs
                Clip c = new Clip();
                c.id = UUID.randomUUID();
                c.ownerId = ownerId;
                c.cameraId = cameraId;
                c.recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
                c.contentType = contentType;
                c.sizeBytes = stored.size();
                c.sha256 = stored.sha256();
                c.storageKey = stored.key();
                c.uploadedAt = Times.now(clock);
                c.persist();
                return c;
            });
        } catch (RuntimeException e) {
            discard(stored.key());
            throw e;
        }
    }

    public static ProblemException tooLarge(long limit) {
        return ProblemException.contentTooLarge("body", "a clip may have at most " + limit + " bytes");
    }

    public List<Clip> list(String ownerId, int page, int size) {
        return Clip.ofOwner(ownerId, page, size);
    }

    public Clip get(String ownerId, UUID clipId) {
        return Clip.ofOwner(ownerId, clipId);
    }

    private void discard(String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            LOG.errorf("could not delete clip bytes %s after a failed upload: %s", key, e.getMessage());
        }
    }
}
