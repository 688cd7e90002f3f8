package org.neighborshare.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neighborshare.gateway.routing.Access;

/**
 * Everything the gateway routes is data here, so that the policy can be read (and reviewed) in application.yaml
 * (the route table) and application.properties instead of being scattered over code. Each default is stated once:
 * here with {@code @WithDefault}, or in application.properties when it comes from the environment or differs by
 * profile.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Upstream services by name; the name is also the audience of the internal token minted for it. */
    Map<String, Service> services();

    /** The route table (application.yaml), in match order: the first route whose path and method match wins. */
    List<Route> routes();

    InternalTokenConfig internalToken();

    Upstream upstream();

    AgencyState agencyState();

    /**
     * Rate-limit groups by name; a route names its group with its {@code rate-limit}. Each limit is
     * "{requests}/{period}", e.g. {@code 600/1m}: a token bucket that holds that many requests and refills at that
     * rate. Buckets live in this gateway replica's memory.
     */
    Map<String, RateLimitGroup> rateLimits();

    Limits limits();

    CircuitBreaker circuitBreaker();

    Oidc oidc();

    /**
     * The web pages: every path outside {@code /api/**} and {@code /q/**} goes to this service (the portal), which
     * signs its users in itself. Absent: such paths are 404 problems, as before the portal existed.
     */
    Optional<Web> web();

    AccessLog accessLog();

    interface RateLimitGroup {
        /** Per authenticated caller (token subject), on every non-public route of the group. */
        Optional<String> perUser();

        /** Per agency named in the path, on the group's AGENCY_ROLE routes, whoever of its members calls. */
        Optional<String> perAgency();

        /** Per client address, on the group's PUBLIC routes (anonymous callers). */
        Optional<String> perClientIp();
    }

    interface Limits {
        /** Largest request body a route takes unless it sets its own {@code max-body-size}: 413 above it. */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /** Largest page a query may ask for unless the route sets its own {@code max-page-size}: 400 above it. */
        @WithDefault("100")
        int maxPageSize();

        /** Query parameters that ask for a page size (compared ignoring case). */
        @WithDefault("size,limit,page-size,pageSize,page_size,per_page")
        List<String> pageSizeParams();

        /**
         * Longest request target (path and query) the gateway reads: 414 problem above it. Must stay below
         * {@code quarkus.http.limits.max-initial-line-length}, or the codec answers first, with an empty body.
         */
        @WithDefault("8K")
        MemorySize maxUriLength();

        /**
         * Most header bytes ("name: value" lines together) the gateway reads: 431 problem above it. A Keycloak access
         * token with many groups is a few KiB. Must stay below {@code quarkus.http.limits.max-header-size}.
         */
        @WithDefault("16K")
        MemorySize maxHeaderSize();

        /** How many buckets the rate limiter keeps at most (least recently used go first). */
        @WithDefault("100000")
        int maxRateLimitBuckets();
    }

    interface CircuitBreaker {
        /** Consecutive connection failures or timeouts of one service that open its circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 at once before one call is let through as a probe. */
        @WithDefault("5s")
        Duration openFor();
    }

    interface Oidc {
        /**
         * The realm's clients whose access tokens the gateway takes (the {@code azp} claim). Keycloak issues tokens
         * to every client of a realm, built-in ones such as admin-cli included; only these may call the API.
         */
        Set<String> allowedClients();

        /**
         * How long a verified access token is remembered (never beyond its own {@code exp}): a client sends the same
         * token on every call, and verifying its signature and claims each time was over half the gateway's work.
         * 0 turns the memory off.
         */
        @WithDefault("60s")
        Duration verifiedTokenMaxAge();

        /** How many verified tokens are remembered at most. */
        @WithDefault("20000")
        int verifiedTokenCacheSize();
    }

    interface Web {
        /** A key of {@link #services()}; absent: no pages (paths outside /api are 404 problems). */
        Optional<String> service();

        /** Largest request body (the portal's clip upload streams a whole clip through). */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /** How long the portal may be silent; a clip upload takes a while. */
        @WithDefault("10s")
        Duration timeout();

        /** Its rate-limit group (per client address: the pages are public, sign-in is the portal's own). */
        @WithDefault("default")
        String rateLimit();
    }

    interface AccessLog {
        /** One line per request on the logger {@code org.neighborshare.gateway.access} (JSON in %prod). */
        @WithDefault("true")
        boolean enabled();
    }

    interface AgencyState {
        /** How long an agency's state may be reused; at most 5 s (invariant I5). */
        @WithDefault("4s")
        Duration cacheFor();
    }

    interface Service {
        /** Base URL, e.g. http://localhost:8081; only scheme, host and port are used. */
        String url();

        /**
         * For an https URL: a PEM file with the certificates to trust for this service (e.g. the cluster's CA);
         * without it, the JDK's trust store decides.
         */
        Optional<String> trustCertificate();
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

        /** The route's name in metrics and the access log; {@code route-<position>} when not set. */
        Optional<String> name();

        /** The rate-limit group (a key of {@code gateway.rate-limits}). */
        @WithDefault("default")
        String rateLimit();

        /** Overrides {@code gateway.limits.max-body-size}. */
        Optional<MemorySize> maxBodySize();

        /** Overrides {@code gateway.limits.max-page-size}. */
        Optional<Integer> maxPageSize();

        /**
         * Routine service-to-service polling (the event feed, directory lookups, counts): its access-log lines are
         * DEBUG, so that a poll every second does not bury the console; everything else logs at INFO.
         */
        @WithDefault("false")
        boolean routine();
    }

    interface InternalTokenConfig {
        /** The kid services look the gateway's public key up by. */
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
        Duration timeout();

        /** No connection within this time: 503. Keeps a dead service from hanging callers. */
        @WithDefault("2s")
        Duration connectTimeout();

        @WithDefault("64")
        int maxConnectionsPerService();
    }
}
