package org.neighborshare.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neighborshare.gateway.routing.Access;

/**
 * Everything the gateway routes is data here, so that the policy can be read (and reviewed) in
 * application.properties instead of being scattered over code.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Upstream services by name; the name is also the audience of the internal token minted for it. */
    Map<String, Service> services();

    /** Evaluated in index order; the first route whose path and method both match wins. */
    List<Route> routes();

    InternalTokenConfig internalToken();

    Upstream upstream();

    AgencyState agencyState();

    interface AgencyState {
        /** How long an agency's state may be reused; at most 5 s (invariant I5). */
        @WithDefault("4s")
        Duration cacheFor();
    }

    interface Service {
        /** Base URL, e.g. http://localhost:8081; only scheme, host and port are used. */
        String url();
    }

    interface Route {
        /**
         * Path patterns: literal segments, {@code {name}} captures one segment, a trailing {@code **} captures
         * zero or more segments.
         */
        List<String> paths();

        Set<String> methods();

        String service();

        Access access();

        /** The realm role (ROLE) or per-agency role (AGENCY_ROLE) the caller must hold. */
        Optional<String> role();

        /** Overrides {@code gateway.upstream.timeout}, e.g. for uploads that take longer. */
        Optional<Duration> timeout();
    }

    interface InternalTokenConfig {
        @WithDefault("local-demo-1")
        String keyId();

        /** PKCS#8 PEM file; {@code classpath:} prefix reads it from the classpath instead. */
        String signingKeyLocation();

        @WithDefault("30s")
        Duration lifetime();

        /** How long a minted token is reused; lifetime minus this is the least validity a service gets. */
        @WithDefault("10s")
        Duration reuseFor();
    }

    interface Upstream {
        /** No response data within this time: 504. */
        @WithDefault("10s")
        Duration timeout();

        /** No connection within this time: 503. Keeps a dead service from hanging callers. */
        @WithDefault("2s")
        Duration connectTimeout();

        @WithDefault("64")
        int maxConnectionsPerService();
    }
}
