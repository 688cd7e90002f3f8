package org.neighborshare.gateway.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.neighborshare.gateway.config.GatewayConfig;

/**
 * Access tokens the gateway has already verified (signature, issuer, type, lifetime), with the identity they
 * carry, until the earlier of their {@code exp} and {@code gateway.oidc.verified-token-max-age}. Keyed by the
 * exact token text: a token that differs in one byte is verified afresh. Only verification is skipped; the
 * client allow-list, the route policy and the agency state are applied to every call.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Entry(SecurityIdentity identity, long ttlNanos) {}

    private final Cache<String, Entry> cache;
    private final Duration maxAge;
    private final Clock clock;

    @Inject
    public VerifiedTokens(GatewayConfig config, Clock clock) {
        this.maxAge = config.oidc().verifiedTokenMaxAge();
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.oidc().verifiedTokenCacheSize())
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry value, long currentTime) {
                        return value.ttlNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry value, long currentTime, long currentDuration) {
                        return value.ttlNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Entry value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** The identity of a token verified before and not expired since, or null. */
    public SecurityIdentity get(String token) {
        Entry e = cache.getIfPresent(token);
        return e == null ? null : e.identity();
    }

    /** Remembers a token that has just been verified; anonymous identities and tokens without exp are not kept. */
    public void put(String token, SecurityIdentity identity) {
        if (maxAge.isZero()
                || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        long untilExpiry = jwt.getExpirationTime() * 1000 - clock.millis();
        long ttlMillis = Math.min(untilExpiry, maxAge.toMillis());
        if (ttlMillis > 0) {
            cache.put(token, new Entry(identity, Duration.ofMillis(ttlMillis).toNanos()));
        }
    }
}
