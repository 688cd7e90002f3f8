package org.neighborshare.agency.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "agency")
public interface AgencyConfig {

    /** Seed the local demo agency (launcher and end-to-end tests only). */
    @WithDefault("false")
    boolean demoData();

    /** An approval lasts this long; then the agency is EXPIRED until re-vetted. */
    @WithDefault("P365D")
    Duration approvalValidity();

    /**
     * How often expired approvals are looked for ({@code AgencyExpiry}'s schedule reads the same key); declared here
     * so that setting it (the test suite sets 2s) passes the mapping's check of unknown keys.
     */
    @WithDefault("60s")
    String expiryCheckEvery();

    Keycloak keycloak();

    interface Keycloak {
        @WithDefault("neighbors")
        String realm();
    }
}
