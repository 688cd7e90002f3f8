package org.neighborshare.gateway.proxy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Rewrites URLs that services put in response headers so that their internal addresses never reach a client. */
public final class Locations {

    private Locations() {}

    /**
     * {@code location} as the client should see it: an absolute URL on the upstream's own origin (scheme, host and
     * port as the gateway calls it) becomes its path, query and fragment, which the client resolves against the
     * gateway; anything else (a relative reference, another site, something unparseable) is left as it is.
     */
    public static String onGateway(URI upstream, String location) {
        URI l;
        try {
            l = new URI(location.trim());
        } catch (URISyntaxException e) {
            return location;
        }
        if (!l.isAbsolute()
                || l.getHost() == null
                || !l.getScheme().equalsIgnoreCase(upstream.getScheme())
                || !l.getHost()
                        .toLowerCase(Locale.ROOT)
                        .equals(upstream.getHost().toLowerCase(Locale.ROOT))
                || port(l) != port(upstream)) {
            return location;
        }
        String path = l.getRawPath() == null || l.getRawPath().isEmpty() ? "/" : l.getRawPath();
        return path
                + (l.getRawQuery() != null ? "?" + l.getRawQuery() : "")
                + (l.getRawFragment() != null ? "#" + l.getRawFragment() : "");
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
