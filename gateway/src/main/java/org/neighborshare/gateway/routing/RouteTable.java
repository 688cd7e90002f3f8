package org.neighborshare.gateway.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.neighborshare.gateway.config.GatewayConfig;
import org.neighborshare.gateway.limits.Rate;

/**
 * The ordered route table (application.yaml). Default deny: a path no route names is 404, also when a service would have served
 * it. A mistake in the table stops the gateway at startup rather than opening or closing a route silently.
 */
public final class RouteTable {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** Route names end up as metric tags and log fields. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static RouteTable from(GatewayConfig config) {
        List<String> errors = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        List<GatewayConfig.Route> configured = config.routes();
        Set<String> names = new LinkedHashSet<>();
        long defaultMaxBody = config.limits().maxBodySize().asLongValue();
        int defaultMaxPage = config.limits().maxPageSize();
        for (int i = 0; i < configured.size(); i++) {
            GatewayConfig.Route r = configured.get(i);
            String where = "gateway.routes[" + i + "]"
                    + r.name().map(n -> " (" + n + ")").orElse("");
            String name = r.name().orElse("route-" + i);
            if (!NAME.matcher(name).matches()) {
                errors.add(where + ": name must be lower-case letters, digits and '-': " + name);
            } else if (!names.add(name)) {
                errors.add(where + ": name '" + name + "' is used by another route");
            }
            if (!config.rateLimits().containsKey(r.rateLimit())) {
                errors.add(where + ": unknown rate-limit group '" + r.rateLimit() + "' (not in gateway.rate-limits)");
            }
            long maxBody = r.maxBodySize().map(m -> m.asLongValue()).orElse(defaultMaxBody);
            int maxPage = r.maxPageSize().orElse(defaultMaxPage);
            if (maxBody < 0) {
                errors.add(where + ": max-body-size must not be negative");
            }
            if (maxPage < 1) {
                errors.add(where + ": max-page-size must be at least 1");
            }
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
            routes.add(new Route(
                    i,
                    name,
                    paths,
                    Set.copyOf(methods),
                    r.service(),
                    r.access(),
                    r.role(),
                    r.timeout(),
                    r.rateLimit(),
                    maxBody,
                    maxPage,
                    r.routine()));
        }
        if (routes.isEmpty()) {
            errors.add("gateway.routes is empty");
        }
        config.rateLimits().forEach((group, limits) -> {
            Map<String, Optional<String>> rates = Map.of(
                    "per-user",
                    limits.perUser(),
                    "per-agency",
                    limits.perAgency(),
                    "per-client-ip",
                    limits.perClientIp());
            rates.forEach((kind, rate) -> rate.ifPresent(text -> {
                try {
                    Rate.parse(text);
                } catch (IllegalArgumentException e) {
                    errors.add("gateway.rate-limits." + group + "." + kind + ": " + e.getMessage());
                }
            }));
        });
        if (!errors.isEmpty()) {
            throw new IllegalStateException("invalid gateway route table:\n  " + String.join("\n  ", errors));
        }
        return new RouteTable(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    public Resolution resolve(String method, List<String> segments) {
        Set<String> allowed = null; // only for a 405: the common call allocates nothing here
        for (Route route : routes) {
            for (PathPattern pattern : route.paths()) {
                Optional<Map<String, String>> captures = pattern.match(segments);
                if (captures.isPresent()) {
                    if (route.methods().contains(method)) {
                        return new Resolution.Match(route, captures.get());
                    }
                    if (allowed == null) {
                        allowed = new TreeSet<>();
                    }
                    allowed.addAll(route.methods());
                }
            }
        }
        return allowed == null ? new Resolution.NotFound() : new Resolution.MethodNotAllowed(allowed);
    }

    public sealed interface Resolution {
        record Match(Route route, Map<String, String> captures) implements Resolution {}

        record MethodNotAllowed(Set<String> allowed) implements Resolution {}

        record NotFound() implements Resolution {}
    }
}
