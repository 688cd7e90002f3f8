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
import org.neighborshare.gateway.routing.Requester;
import org.neighborshare.gateway.routing.Requesters;

/**
 * Access tokens the gateway has already verified (signature, issuer, type, lifetime), with the caller they
 * carry as the gateway reads it ({@link Verified}: read once per token, not per call), until the earlier of their {@code exp} and {@code gateway.oidc.verified-token-max-age}. Keyed by the
 * exact token text: a token that differs in one byte is verified afresh. Only verification is skipped; the
 * client allow-list, the route policy and the agency state are applied to every call.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** A verified token's identity, and what the gateway reads from it: the requester and the client (azp). */
    public record Verified(SecurityIdentity identity, Requester requester, String client) {

        public static Verified of(SecurityIdentity identity) {
            return new Verified(identity, Requesters.from(identity), Requesters.clientId(identity));
        }
    }

    private record Entry(Verified verified, long ttlNanos) {}

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

    /** The caller of a token verified before and not expired since, or null. */
    public Verified get(String token) {
        Entry e = cache.getIfPresent(token);
        return e == null ? null : e.verified();
    }

    /**
     * What the gateway reads from an identity just verified; remembered under the token (null: not kept), except
     * for anonymous identities and tokens without exp.
     */
    public Verified put(String token, SecurityIdentity identity) {
        Verified verified = Verified.of(identity);
        if (token == null
                || maxAge.isZero()
                || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return verified;
        }
        long untilExpiry = jwt.getExpirationTime() * 1000 - clock.millis();
        long ttlMillis = Math.min(untilExpiry, maxAge.toMillis());
        if (ttlMillis > 0) {
            cache.put(token, new Entry(verified, Duration.ofMillis(ttlMillis).toNanos()));
        }
        return verified;
    }
}
