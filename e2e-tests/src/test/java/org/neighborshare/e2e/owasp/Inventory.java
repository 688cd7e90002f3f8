package org.neighborshare.e2e.owasp;

import static io.restassured.RestAssured.given;

import io.smallrye.config.source.yaml.YamlConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neighborshare.e2e.RunningSuite;
import org.neighborshare.testsupport.TestTokens;

/**
 * What the platform exposes, read from the sources of truth rather than listed by hand: every operation each
 * service documents in its OpenAPI (fetched from the running service itself), and the gateway's route table
 * (the same file the running gateway was built from). Tests iterate over these, so a route or endpoint added
 * later is covered without anyone remembering to add it here.
 */
public final class Inventory {

    public static final List<String> SERVICES = List.of("agency-service", "request-service", "consent-service");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");

    /** One documented operation of a service. */
    public record Operation(String service, String method, String path) {

        public List<String> placeholders() {
            List<String> names = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(path);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /** The path with each {@code {name}} replaced by {@code values.get(name)}. */
        public String fill(Map<String, String> values) {
            Matcher m = PLACEHOLDER.matcher(path);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String v = values.get(m.group(1));
                if (v == null) {
                    throw new IllegalArgumentException("no value for {" + m.group(1) + "} in " + path);
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + service + ")";
        }
    }

    /** One entry of the gateway's route table. */
    public record Route(
            int index,
            String name,
            List<String> paths,
            List<String> methods,
            String service,
            String access,
            String role) {

        /** Does this route take {@code method path} (a concrete path, or an OpenAPI template)? */
        public boolean matches(String method, String path) {
            return methods.contains(method)
                    && paths.stream().anyMatch(p -> regex(p).matcher(path).matches());
        }

        private static Pattern regex(String pattern) {
            String p = pattern.endsWith("/**") ? pattern.substring(0, pattern.length() - 3) : pattern;
            String re = Pattern.quote(p).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            return Pattern.compile(re + (pattern.endsWith("/**") ? "(/.*)?" : ""));
        }
    }

    private static List<Operation> operations;
    private static List<Route> routes;

    private Inventory() {}

    /** Every operation the three services document, fetched from each running service's /q/openapi. */
    public static synchronized List<Operation> operations() {
        if (operations == null) {
            List<Operation> all = new ArrayList<>();
            for (String service : SERVICES) {
                // The services' own door (I6) wants a gateway token for them, even for their documentation.
                Map<String, Map<String, Object>> paths = given().baseUri(
                                RunningSuite.config().url(service))
                        .header("Authorization", TestTokens.forService(service).bearer())
                        .queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getMap("paths");
                paths.forEach((path, ops) -> ops.keySet().stream()
                        .map(m -> m.toUpperCase(Locale.ROOT))
                        .filter(m ->
                                List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(m))
                        .sorted()
                        .forEach(m -> all.add(new Operation(service, m, path))));
            }
            operations = List.copyOf(all);
        }
        return operations;
    }

    /** The gateway's route table, in order (first match wins). */
    public static synchronized List<Route> routes() {
        if (routes == null) {
            Path file = RunningSuite.config().repoRoot().resolve("gateway/src/main/resources/application.yaml");
            Map<String, String> p;
            try {
                // The YAML list flattened as the gateway's configuration reads it: gateway.routes[i].paths=a,b
                p = new YamlConfigSource(file.toUri().toURL()).getProperties();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Route> all = new ArrayList<>();
            for (int i = 0; p.get("gateway.routes[" + i + "].paths") != null; i++) {
                String prefix = "gateway.routes[" + i + "].";
                all.add(new Route(
                        i,
                        p.get(prefix + "name"),
                        split(p.get(prefix + "paths")),
                        split(p.get(prefix + "methods")),
                        p.get(prefix + "service"),
                        p.get(prefix + "access"),
                        p.get(prefix + "role")));
            }
            if (all.isEmpty()) {
                throw new IllegalStateException("no routes in " + file);
            }
            routes = List.copyOf(all);
        }
        return routes;
    }

    /** The route the gateway picks for {@code method path}, or null (404 there). */
    public static Route routeFor(String method, String path) {
        return routes().stream()
                .filter(r -> r.matches(method, path))
                .findFirst()
                .orElse(null);
    }

    private static List<String> split(String s) {
        return s == null
                ? List.of()
                : Arrays.stream(s.split(","))
                        .map(String::trim)
                        .filter(x -> !x.isEmpty())
                        .toList();
    }
}
