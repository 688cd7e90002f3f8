package org.neighborshare.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "consent")
public interface ConsentConfig {

    /** Seed the local demo owners' cameras (launcher and end-to-end tests only). */
    @WithDefault("false")
    boolean demoData();

    Feed feed();

    interface Feed {
        /** Off in unit tests, which feed events in directly. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("100")
        int batchSize();
    }
}
