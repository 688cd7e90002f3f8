package org.neighborshare.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.neighborshare.gateway.config.GatewayConfig;
import org.neighborshare.gateway.routing.Access;
import org.neighborshare.gateway.routing.Requester;
import org.neighborshare.gateway.routing.Route;

/**
 * Rate limits per route group: per client address on public routes, per user on every other route, and in
 * addition per agency (the one in the path) on AGENCY_ROLE routes. Token buckets in memory, so each gateway
 * replica counts on its own: with N replicas behind a round-robin balancer a client gets up to N times the
 * configured rate.
 */
@ApplicationScoped
public class RateLimiter {

    /** Which allowance a refusal used up, for the problem's detail. */
    public enum Scope {
        USER("this user"),
        AGENCY("this agency"),
        CLIENT_IP("this client address");

        private final String who;

        Scope(String who) {
            this.who = who;
        }

        public String who() {
            return who;
        }
    }

    /** A refusal: the scope whose bucket is empty and when the next call would be allowed. */
    public record Refusal(String group, Scope scope, Duration retryAfter) {

        /** Whole seconds for the Retry-After header, rounded up and at least 1. */
        public long retryAfterSeconds() {
            long millis = retryAfter.toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    record Limits(Optional<Rate> perUser, Optional<Rate> perAgency, Optional<Rate> perClientIp) {}

    record BucketKey(String group, Scope scope, String key) {}

    private final Map<String, Limits> groups = new HashMap<>();
    private final Cache<BucketKey, TokenBucket> buckets;
    private final LongSupplier clock;

    @Inject
    public RateLimiter(GatewayConfig config) {
        this(config, System::nanoTime);
    }

    RateLimiter(GatewayConfig config, LongSupplier clock) {
        this.clock = clock;
        Duration longest = Duration.ofMinutes(1);
        for (Map.Entry<String, GatewayConfig.RateLimitGroup> e :
                config.rateLimits().entrySet()) {
            GatewayConfig.RateLimitGroup g = e.getValue();
            Limits limits = new Limits(
                    g.perUser().map(Rate::parse),
                    g.perAgency().map(Rate::parse),
                    g.perClientIp().map(Rate::parse));
            for (Rate rate : Stream.of(limits.perUser(), limits.perAgency(), limits.perClientIp())
                    .flatMap(Optional::stream)
                    .toList()) {
                if (rate.period().compareTo(longest) > 0) {
                    longest = rate.period();
                }
            }
            groups.put(e.getKey(), limits);
        }
        // An untouched bucket is full again after one period, so dropping it then loses nothing.
        this.buckets = Caffeine.newBuilder()
                .maximumSize(config.limits().maxRateLimitBuckets())
                .expireAfterAccess(longest)
                .build();
    }

    /** Checks (and uses up) the allowances this call counts against; empty when it may go on. */
    public Optional<Refusal> check(Route route, Requester requester, String agencyId, String clientAddress) {
        Limits limits = groups.get(route.rateLimit());
        if (limits == null) {
            return Optional.empty(); // the route table refuses unknown groups at startup
        }
        long now = clock.getAsLong();
        if (route.access() == Access.PUBLIC || requester.anonymous()) {
            return take(
                    route.rateLimit(),
                    Scope.CLIENT_IP,
                    limits.perClientIp(),
                    clientAddress != null ? clientAddress : "unknown",
                    now);
        }
        Optional<Refusal> refusal = take(route.rateLimit(), Scope.USER, limits.perUser(), requester.id(), now);
        if (refusal.isEmpty() && route.access() == Access.AGENCY_ROLE && agencyId != null) {
            refusal = take(route.rateLimit(), Scope.AGENCY, limits.perAgency(), agencyId, now);
        }
        return refusal;
    }

    private Optional<Refusal> take(String group, Scope scope, Optional<Rate> rate, String key, long now) {
        if (rate.isEmpty()) {
            return Optional.empty();
        }
        TokenBucket bucket = buckets.get(new BucketKey(group, scope, key), k -> new TokenBucket(rate.get(), now));
        long wait = bucket.take(now);
        return wait == 0 ? Optional.empty() : Optional.of(new Refusal(group, scope, Duration.ofNanos(wait)));
    }
}
