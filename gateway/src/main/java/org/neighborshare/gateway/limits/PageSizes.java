package org.neighborshare.gateway.limits;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Page-size caps. A query asking for more than the route's cap is refused with 400 rather than clamped: a client
 * that silently got fewer rows than it asked for would take the page for the whole result.
 *
 * <p>Names are decoded the way a service decodes them ({@code %73ize} is {@code size}) and both {@code &} and
 * {@code ;} separate parameters, so a service can never see a page-size parameter that the gateway did not.
 */
public final class PageSizes {

    private final Set<String> names;

    public PageSizes(Collection<String> names) {
        this.names = names.stream()
                .map(n -> n.trim().toLowerCase(Locale.ROOT))
                .filter(n -> !n.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The problem's detail when the query asks for too much (or is unreadable); empty when it is fine. */
    public Optional<String> violation(String rawQuery, int cap) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = decode(eq < 0 ? pair : pair.substring(0, eq));
                value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                return Optional.of("the query string is not validly percent-encoded");
            }
            if (!names.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!value.matches("[0-9]{1,9}")) {
                return Optional.of("query parameter '" + name + "' must be a whole number, at most " + cap);
            }
            if (Integer.parseInt(value) > cap) {
                return Optional.of("query parameter '" + name + "' may be at most " + cap + " here, was " + value);
            }
        }
        return Optional.empty();
    }

    private static String decode(String s) {
        return QueryStringDecoder.decodeComponent(s, StandardCharsets.UTF_8);
    }
}
