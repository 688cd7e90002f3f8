package org.neighborshare.gateway.proxy;

import java.time.Duration;

/** What the policy decided for one call, handed to the upstream proxy. */
public record Forward(
        String service,
        String uri,
        String internalToken,
        String requestId,
        Duration timeout,
        String clientAddress,
        String clientScheme,
        String clientHost,
        String instance,
        long maxBodySize) {}
