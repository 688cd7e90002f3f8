package org.neighborshare.shared.security;

import java.util.Optional;

/** The {@code Authorization: Bearer <token>} header (RFC 6750): read where a call arrives, written where one leaves. */
public final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private BearerToken() {}

    /** The token of an {@code Authorization} header value; the scheme is case-insensitive. Empty if none. */
    public static Optional<String> from(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(SCHEME.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** The {@code Authorization} header value that presents the token. */
    public static String header(String token) {
        return SCHEME + token;
    }
}
