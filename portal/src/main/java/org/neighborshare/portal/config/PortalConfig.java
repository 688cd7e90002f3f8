package org.neighborshare.portal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The portal's own settings (prefix {@code portal}); sign-in is {@code quarkus.oidc.*}. */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    Gateway gateway();

    MapSettings map();

    GatewayToken gatewayToken();

    /** The token the gateway mints for the portal on every page request (I6; session/GatewayDoor). */
    interface GatewayToken {
        /** Off only for a test of the pages alone; a warning says so at start-up. */
        @WithDefault("true")
        boolean required();

        /** The gateway's public keys (JWKS): a file path, or {@code classpath:…}. */
        String jwksLocation();
    }

    interface Gateway {
        /** The gateway's base URL as the portal reaches it (the same gateway the browser talks to). */
        String url();

        @WithDefault("2s")
        Duration connectTimeout();

        /** Longest wait for an ordinary API answer; clip transfers have none (they stream). */
        @WithDefault("15s")
        Duration timeout();
    }

    interface MapSettings {
        /** An optional tile server of the deployment's own ({z}/{x}/{y}); without one, shapes on a plain background. */
        Optional<String> tileUrl();
    }
}
