package org.neighborshare.gateway.proxy;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neighborshare.shared.observability.RequestIds;
import org.neighborshare.shared.security.BearerToken;

/**
 * Headers that only the gateway may set. Services trust them because they come from the gateway, so anything a
 * client sent under these names is dropped before the gateway writes its own.
 */
public final class ForwardedHeaders {

    private static final Set<String> OWNED = Set.of(
            "authorization",
            "proxy-authorization",
            "forwarded",
            "x-real-ip",
            "x-client-ip",
            "x-request-id",
            "x-original-url",
            "x-rewrite-url",
            "x-http-method-override",
            "x-method-override");
    private static final List<String> OWNED_PREFIXES =
            List.of("x-forwarded-", "x-internal-", "x-agency-", "x-gateway-", "x-user-", "x-auth-");

    private ForwardedHeaders() {}

    private static boolean owned(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (OWNED.contains(n)) {
            return true;
        }
        for (String prefix : OWNED_PREFIXES) {
            if (n.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Drops what the client sent under the gateway's names, from the copy of its headers the service gets. */
    public static void strip(MultiMap headers) {
        List<String> drop = null; // runs on every call: nothing allocated when there is nothing to drop
        for (Map.Entry<String, String> header : headers) {
            if (owned(header.getKey())) {
                if (drop == null) {
                    drop = new ArrayList<>();
                }
                drop.add(header.getKey());
            }
        }
        if (drop != null) {
            drop.forEach(headers::remove);
        }
        // Answered by the gateway itself once the call passed its policy (GatewayHandler).
        headers.remove("Expect");
    }

    /** Sets the gateway's own headers: the internal token (I6), the request id, and where the client called from. */
    public static void set(MultiMap headers, Forward forward) {
        headers.set("Authorization", BearerToken.header(forward.internalToken()));
        headers.set(RequestIds.HEADER, forward.requestId());
        if (forward.clientAddress() != null) {
            headers.set("X-Forwarded-For", forward.clientAddress());
        }
        if (forward.clientScheme() != null) {
            headers.set("X-Forwarded-Proto", forward.clientScheme());
        }
        if (forward.clientHost() != null) {
            headers.set("X-Forwarded-Host", forward.clientHost());
        }
    }
}
