package org.neighborshare.shared.observability;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Correlates one call across gateway and services. The gateway keeps a client's id only if it cannot carry
 * mischief (log forging, header injection); the services log it under the same rule.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private RequestIds() {}

    public static boolean sane(String id) {
        return id != null && SANE.matcher(id).matches();
    }

    /** The client's id when it is sane, else a new one. */
    public static String accept(String fromClient) {
        return sane(fromClient) ? fromClient : UUID.randomUUID().toString();
    }
}
