package org.neighborshare.gateway.proxy;

import java.util.UUID;
import java.util.regex.Pattern;

/** Correlates one call across gateway and services; a client's id is kept only if it cannot carry mischief. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private RequestIds() {
    }

    public static String accept(String fromClient) {
        return fromClient != null && SANE.matcher(fromClient).matches() ? fromClient : UUID.randomUUID().toString();
    }
}
