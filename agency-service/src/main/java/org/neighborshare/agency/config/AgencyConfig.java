package org.neighborshare.agency.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "agency")
public interface AgencyConfig {

    /**
     * How often the expiry job looks ({@code AgencyExpiry}'s {@code @Scheduled} reads this key); declared so that the
     * end-to-end suite may set it (SuiteConfig's quick schedules).
     */
    @WithDefault("60s")
    String expiryCheckEvery();

    /** Seed the local demo agency (launcher and end-to-end tests only). */
    @WithDefault("false")
    boolean demoData();

    /** An approval lasts this long; then the agency is EXPIRED until re-vetted. */
    @WithDefault("P365D")
    Duration approvalValidity();

    Keycloak keycloak();

    interface Keycloak {
        @WithDefault("neighbors")
        String realm();
    }
}
