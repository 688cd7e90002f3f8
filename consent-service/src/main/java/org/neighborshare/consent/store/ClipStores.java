package org.neighborshare.consent.store;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import org.neighborshare.consent.config.ConsentConfig;

/**
 * Picks the clip store from configuration at start-up ({@code consent.clips.store}), so one image serves the local
 * run (filesystem) and a cluster of replicas (S3) alike.
 */
@ApplicationScoped
public class ClipStores {

    @Inject
    ConsentConfig config;

    @Inject
    Clock clock;

    // Singleton, not a proxied scope: the disposer and the start-up check see the store itself.
    @Produces
    @Singleton
    ClipStore clipStore() {
        ConsentConfig.Clips clips = config.clips();
        return switch (clips.store()) {
            case FILESYSTEM -> {
                FilesystemClipStore store = new FilesystemClipStore(Path.of(clips.directory()), clock);
                store.removeAbandonedUploads();
                yield store;
            }
            case S3 -> S3ClipStore.from(clips.s3());
        };
    }

    void close(@Disposes ClipStore store) {
        if (store instanceof S3ClipStore s3) {
            s3.close();
        }
    }

    /** Fails start-up, not the first upload, when the store is misconfigured or unreachable. */
    void checkAtStartup(@Observes StartupEvent start, ClipStore store) {
        if (store instanceof S3ClipStore s3) {
            s3.checkBucket();
        }
    }
}
