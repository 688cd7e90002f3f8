package org.neighborshare.gateway.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.time.Duration;
import org.neighborshare.gateway.config.GatewayConfig;
import org.neighborshare.gateway.routing.Requester;
import org.neighborshare.shared.security.InternalToken;

/**
 * Mints the token a service receives (invariant I6): audience = that service, signed with the gateway's key.
 * An RSA signature per proxied call would dominate the gateway's CPU, so a token is reused for a short while
 * per (caller, service); the reuse window is short enough that every token a service sees still has most of
 * its lifetime left.
 */
@ApplicationScoped
public class InternalTokenMinter {

    private final String keyId;
    private final PrivateKey key;
    private final Duration lifetime;
    private final Cache<Key, String> reuse;

    record Key(Requester requester, String service) {}

    @Inject
    public InternalTokenMinter(GatewayConfig config) {
        GatewayConfig.InternalTokenConfig cfg = config.internalToken();
        this.keyId = cfg.keyId();
        this.key = SigningKeys.load(cfg.signingKeyLocation());
        this.lifetime = cfg.lifetime();
        if (lifetime.compareTo(InternalToken.MAX_LIFETIME) > 0 || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalStateException(
                    "gateway.internal-token.lifetime must be within (0, " + InternalToken.MAX_LIFETIME + "]");
        }
        if (cfg.reuseFor().compareTo(lifetime.dividedBy(2)) > 0) {
            throw new IllegalStateException("gateway.internal-token.reuse-for must be at most half the lifetime");
        }
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(10_000);
        this.reuse = cfg.reuseFor().isZero()
                ? null
                : builder.expireAfterWrite(cfg.reuseFor()).build();
    }

    /** Loads the key and the JWT builder at startup: a bad key stops the gateway instead of failing calls. */
    void warmUp(@Observes StartupEvent event) {
        mint(Requester.ANONYMOUS, "warm-up");
    }

    public String tokenFor(Requester requester, String service) {
        if (reuse == null) {
            return mint(requester, service);
        }
        return reuse.get(new Key(requester, service), k -> mint(k.requester(), k.service()));
    }

    private String mint(Requester requester, String service) {
        // smallrye-jwt-build reads its defaults through ConfigProvider, which is keyed by the context class
        // loader; pin it so a callback that lands on a foreign thread still finds the application's config.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(InternalTokenMinter.class.getClassLoader());
        try {
            return InternalToken.mint(requester.toSubject(), service, lifetime, keyId, key);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
