package org.neighborshare.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an already dot-normalised request path into the segments the route table matches, and refuses paths
 * that a downstream server could read differently from the gateway. What the gateway authorises must be
 * exactly what the service receives, so the forwarded path is rebuilt from these segments.
 */
public final class PathSegments {

    private PathSegments() {}

    /** Empty when the path is one the gateway will not forward (treated as "no route"). */
    public static Optional<List<String>> parse(String normalizedPath) {
        if (normalizedPath == null || !normalizedPath.startsWith("/")) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String s : normalizedPath.substring(1).split("/")) {
            if (s.isEmpty()) {
                continue; // "//" and a trailing "/" carry no meaning for our services
            }
            if (s.equals(".") || s.equals("..") || !safe(s)) {
                return Optional.empty();
            }
            segments.add(s);
        }
        return Optional.of(List.copyOf(segments));
    }

    public static String join(List<String> segments) {
        return "/" + String.join("/", segments);
    }

    /**
     * Percent escapes that survive normalisation encode reserved characters ("%2F", "%5C", "%25"…): a service
     * decoding them would see other segments than the gateway did. Matrix parameters (";") and backslashes are
     * refused for the same reason. No API path needs any of them.
     */
    private static boolean safe(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' || c == ';' || c == '\\' || c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
