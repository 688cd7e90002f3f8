package org.neighborshare.consent.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "consent")
public interface ConsentConfig {

    /** Seed the local demo owners' cameras (launcher and end-to-end tests only). */
    @WithDefault("false")
    boolean demoData();

    Feed feed();

    Clips clips();

    Retention retention();

    interface Feed {
        /** Off in unit tests, which feed events in directly. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("100")
        int batchSize();
    }

    interface Clips {
        /** Where {@code FilesystemClipStore} keeps clip bytes (and its temporary upload files). */
        @WithDefault("target/clips")
        String directory();

        /** Largest clip accepted, enforced while the body streams in. */
        @WithDefault("500M")
        MemorySize maxSize();
    }

    interface Retention {
        /**
         * How often the retention job looks for expired shares; {@code off} disables the schedule. Read by
         * {@code RetentionJob}'s {@code @Scheduled} expression, which sees this default through the config.
         */
        @WithDefault("60s")
        String checkEvery();

        /** Shares handled per batch (each in its own transaction). */
        @WithDefault("100")
        int batchSize();

        /**
         * How long a clip that no share needs is kept: after its upload if it was never shared, after the last
         * revocation if every share of it was revoked before any download.
         */
        @WithDefault("24h")
        Duration unsharedAfter();
    }
}
