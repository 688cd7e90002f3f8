package org.neighborshare.gateway.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.neighborshare.gateway.config.GatewayConfig;

/**
 * The ordered route table. Default deny: a path no route names is 404, also when a service would have served
 * it. A mistake in the table stops the gateway at startup rather than opening or closing a route silently.
 */
public final class RouteTable {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static RouteTable from(GatewayConfig config) {
        List<String> errors = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        List<GatewayConfig.Route> configured = config.routes();
        for (int i = 0; i < configured.size(); i++) {
            GatewayConfig.Route r = configured.get(i);
            String where = "gateway.routes[" + i + "]";
            List<PathPattern> paths = new ArrayList<>();
            for (String p : r.paths()) {
                try {
                    PathPattern pattern = PathPattern.parse(p);
                    if (!pattern.firstSegment().equals("api")) {
                        errors.add(where + ": only paths under /api/ are forwarded: " + p);
                    }
                    if (r.access() == Access.AGENCY_ROLE && !pattern.captures(Route.AGENCY_ID)) {
                        errors.add(where + ": AGENCY_ROLE needs an {agencyId} segment: " + p);
                    }
                    paths.add(pattern);
                } catch (IllegalArgumentException e) {
                    errors.add(where + ": " + e.getMessage());
                }
            }
            if (paths.isEmpty()) {
                errors.add(where + ": no paths");
            }
            Set<String> methods = new LinkedHashSet<>();
            for (String m : r.methods()) {
                String upper = m.trim().toUpperCase(Locale.ROOT);
                if (!METHODS.contains(upper)) {
                    errors.add(where + ": unknown HTTP method " + m);
                }
                methods.add(upper);
            }
            if (methods.isEmpty()) {
                errors.add(where + ": no methods");
            }
            if (!config.services().containsKey(r.service())) {
                errors.add(where + ": unknown service '" + r.service() + "' (not in gateway.services)");
            }
            boolean needsRole = r.access() == Access.ROLE || r.access() == Access.AGENCY_ROLE;
            if (needsRole && r.role().filter(s -> !s.isBlank()).isEmpty()) {
                errors.add(where + ": " + r.access() + " needs a role");
            }
            if (!needsRole && r.role().isPresent()) {
                errors.add(where + ": " + r.access() + " takes no role");
            }
            routes.add(new Route(i, paths, Set.copyOf(methods), r.service(), r.access(), r.role(), r.timeout()));
        }
        if (routes.isEmpty()) {
            errors.add("gateway.routes is empty");
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("invalid gateway route table:\n  " + String.join("\n  ", errors));
        }
        return new RouteTable(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    public Resolution resolve(String method, List<String> segments) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            for (PathPattern pattern : route.paths()) {
                Optional<Map<String, String>> captures = pattern.match(segments);
                if (captures.isPresent()) {
                    if (route.methods().contains(method)) {
                        return new Resolution.Match(route, captures.get());
                    }
                    allowed.addAll(route.methods());
                }
            }
        }
        return allowed.isEmpty() ? new Resolution.NotFound() : new Resolution.MethodNotAllowed(allowed);
    }

    public sealed interface Resolution {
        record Match(Route route, Map<String, String> captures) implements Resolution {
        }

        record MethodNotAllowed(Set<String> allowed) implements Resolution {
        }

        record NotFound() implements Resolution {
        }
    }
}
