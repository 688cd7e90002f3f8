package org.neighborshare.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neighborshare.gateway.config.GatewayConfig;

/** The route table as shipped in application.yaml, plus the checks that guard edits to it. */
class RouteTableTest {

    static final String A = "5d1d0a6e-8f4b-4a52-9c55-7a1f3c2b9e01";

    /** application.properties and the route table of application.yaml, merged as Quarkus merges them. */
    static RouteTable shipped() throws Exception {
        Properties props = new Properties();
        try (InputStream in = RouteTableTest.class.getResourceAsStream("/application.properties")) {
            props.load(in);
        }
        Map<String, String> map = new HashMap<>();
        props.forEach((k, v) -> map.put(k.toString(), v.toString()));
        map.putAll(new YamlConfigSource(RouteTableTest.class.getResource("/application.yaml")).getProperties());
        return RouteTable.from(config(map));
    }

    static GatewayConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                // Quarkus's own duration syntax ("10s"), as the running gateway reads it.
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withMapping(GatewayConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(GatewayConfig.class);
    }

    /** What the gateway needs besides routes; these have no default in GatewayConfig. */
    static Map<String, String> required() {
        return Map.of(
                "gateway.services.agency-service.url", "http://localhost:8081",
                "gateway.internal-token.signing-key-location", "unused",
                "gateway.internal-token.key-id", "unused",
                "gateway.oidc.allowed-clients", "neighbors-web",
                "gateway.upstream.timeout", "10s");
    }

    static RouteTable.Resolution resolve(RouteTable table, String method, String path) {
        List<String> segments = Arrays.stream(path.substring(1).split("/")).toList();
        return table.resolve(method, segments);
    }

    static Route routeFor(RouteTable table, String method, String path) {
        RouteTable.Resolution r = resolve(table, method, path);
        return assertInstanceOf(RouteTable.Resolution.Match.class, r, method + " " + path)
                .route();
    }

    @Test
    void shippedTableSendsEachApiToItsService() throws Exception {
        RouteTable table = shipped();
        record Case(String method, String path, String service, Access access, String role) {}
        List<Case> cases = List.of(
                new Case("GET", "/api/public/agencies", "agency-service", Access.PUBLIC, null),
                new Case("GET", "/api/public/agencies/" + A, "agency-service", Access.PUBLIC, null),
                new Case("GET", "/api/public/requests", "request-service", Access.PUBLIC, null),
                new Case("GET", "/api/public/transparency", "request-service", Access.PUBLIC, null),
                new Case("POST", "/api/agency-applications", "agency-service", Access.AUTHENTICATED, null),
                new Case("GET", "/api/agency-applications/mine", "agency-service", Access.AUTHENTICATED, null),
                new Case("GET", "/api/vetting/queue", "agency-service", Access.ROLE, "reviewer"),
                new Case("POST", "/api/vetting/" + A + "/decision", "agency-service", Access.ROLE, "reviewer"),
                new Case("POST", "/api/agencies/" + A + "/suspend", "agency-service", Access.ROLE, "reviewer"),
                new Case("POST", "/api/agencies/" + A + "/revoke", "agency-service", Access.ROLE, "reviewer"),
                new Case(
                        "DELETE",
                        "/api/agencies/" + A + "/members/u1",
                        "agency-service",
                        Access.AGENCY_ROLE,
                        "agency-admin"),
                new Case(
                        "GET", "/api/agencies/" + A + "/members", "agency-service", Access.AGENCY_ROLE, "agency-admin"),
                new Case(
                        "GET",
                        "/api/agencies/" + A + "/requests/r1/clips",
                        "consent-service",
                        Access.AGENCY_ROLE,
                        "investigator"),
                new Case(
                        "GET",
                        "/api/agencies/" + A + "/requests/r1/clips/c1/content",
                        "consent-service",
                        Access.AGENCY_ROLE,
                        "investigator"),
                new Case(
                        "POST",
                        "/api/agencies/" + A + "/requests",
                        "request-service",
                        Access.AGENCY_ROLE,
                        "investigator"),
                new Case(
                        "POST",
                        "/api/agencies/" + A + "/requests/r1/close",
                        "request-service",
                        Access.AGENCY_ROLE,
                        "investigator"),
                new Case("POST", "/api/moderation/requests/r1/decision", "request-service", Access.ROLE, "reviewer"),
                new Case("POST", "/api/me/clips", "consent-service", Access.ROLE, "owner"),
                new Case("GET", "/api/me/clips", "consent-service", Access.ROLE, "owner"),
                new Case("PUT", "/api/me/settings", "consent-service", Access.ROLE, "owner"),
                new Case("GET", "/api/feed/request-events", "request-service", Access.ROLE, "feed-reader"),
                new Case(
                        "GET",
                        "/api/directory/agencies/" + A + "/jurisdiction",
                        "agency-service",
                        Access.ROLE,
                        "agency-directory"));
        for (Case c : cases) {
            Route route = routeFor(table, c.method(), c.path());
            String what = c.method() + " " + c.path() + " -> " + route;
            assertEquals(c.service(), route.service(), what);
            assertEquals(c.access(), route.access(), what);
            assertEquals(c.role(), route.role().orElse(null), what);
        }
    }

    @Test
    void shippedTableDeniesByDefault() throws Exception {
        RouteTable table = shipped();
        for (String path : List.of(
                "/api",
                "/api/q/health",
                "/api/agencies/" + A,
                "/api/agencies/" + A + "/audit",
                "/api/feed/request-events/extra",
                "/api/public",
                "/q/health",
                "/api/publicagencies")) {
            assertInstanceOf(RouteTable.Resolution.NotFound.class, resolve(table, "GET", path), path);
        }
    }

    @Test
    void aPathKnownOnlyForOtherMethodsIs405WithThoseMethods() throws Exception {
        RouteTable table = shipped();
        RouteTable.Resolution r = resolve(table, "DELETE", "/api/public/requests");
        assertEquals(
                Set.of("GET"),
                assertInstanceOf(RouteTable.Resolution.MethodNotAllowed.class, r)
                        .allowed());
        // A clip listing does not take POST, but the request route behind it does: first full match wins.
        assertEquals(
                "request-service",
                routeFor(table, "POST", "/api/agencies/" + A + "/requests/r1/clips")
                        .service());
    }

    @Test
    void capturesTheAgencyFromThePath() throws Exception {
        RouteTable.Resolution r = resolve(shipped(), "GET", "/api/agencies/" + A + "/requests/r9");
        assertEquals(A, ((RouteTable.Resolution.Match) r).captures().get("agencyId"));
    }

    @Test
    void shippedTableNamesEveryRouteAndGivesUploadsAndFeedsTheirOwnLimits() throws Exception {
        RouteTable table = shipped();
        assertEquals(
                table.routes().size(),
                table.routes().stream().map(Route::name).distinct().count());
        assertTrue(table.routes().stream().noneMatch(r -> r.name().startsWith("route-")), "every route is named");
        Route upload = routeFor(table, "POST", "/api/me/clips");
        assertEquals("clip-upload", upload.name());
        assertTrue(upload.maxBodySize() >= 500L * 1024 * 1024, "a 500 MiB clip fits");
        assertEquals("uploads", upload.rateLimit());
        Route settings = routeFor(table, "PUT", "/api/me/settings");
        assertEquals(1024 * 1024, settings.maxBodySize(), "JSON routes take 1 MiB");
        assertEquals(100, settings.maxPageSize());
        assertEquals("default", settings.rateLimit());
        Route feed = routeFor(table, "GET", "/api/feed/request-events");
        assertEquals(500, feed.maxPageSize());
        // request-service's long poll waits up to 25 s; the route must not time it out first.
        assertTrue(
                feed.timeout().orElseThrow().compareTo(Duration.ofSeconds(30)) >= 0, "feed timeout " + feed.timeout());
    }

    @Test
    void brokenLimitsStopTheGateway() {
        Map<String, String> base = new HashMap<>(required());
        base.putAll(Map.of(
                "gateway.rate-limits.default.per-user", "10/1m",
                "gateway.routes[0].paths", "/api/x",
                "gateway.routes[0].methods", "GET",
                "gateway.routes[0].service", "agency-service",
                "gateway.routes[0].access", "PUBLIC"));
        assertRejected(base, "unknown rate-limit group 'nope'", Map.of("gateway.routes[0].rate-limit", "nope"));
        assertRejected(
                base,
                "gateway.rate-limits.default.per-agency",
                Map.of("gateway.rate-limits.default.per-agency", "ten a minute"));
        assertRejected(
                base,
                "is used by another route",
                Map.of(
                        "gateway.routes[0].name", "twice",
                        "gateway.routes[1].name", "twice",
                        "gateway.routes[1].paths", "/api/y",
                        "gateway.routes[1].methods", "GET",
                        "gateway.routes[1].service", "agency-service",
                        "gateway.routes[1].access", "PUBLIC"));
        assertRejected(base, "max-page-size must be at least 1", Map.of("gateway.routes[0].max-page-size", "0"));
    }

    @Test
    void brokenTablesStopTheGateway() {
        Map<String, String> base = required();
        assertRejected(
                base,
                "AGENCY_ROLE needs an {agencyId}",
                Map.of(
                        "gateway.routes[0].paths", "/api/agencies/{id}/members",
                        "gateway.routes[0].methods", "GET",
                        "gateway.routes[0].service", "agency-service",
                        "gateway.routes[0].access", "AGENCY_ROLE",
                        "gateway.routes[0].role", "agency-admin"));
        assertRejected(
                base,
                "unknown service",
                Map.of(
                        "gateway.routes[0].paths", "/api/x",
                        "gateway.routes[0].methods", "GET",
                        "gateway.routes[0].service", "nope-service",
                        "gateway.routes[0].access", "PUBLIC"));
        assertRejected(
                base,
                "only paths under /api/",
                Map.of(
                        "gateway.routes[0].paths", "/q/**",
                        "gateway.routes[0].methods", "GET",
                        "gateway.routes[0].service", "agency-service",
                        "gateway.routes[0].access", "PUBLIC"));
        assertRejected(
                base,
                "ROLE needs a role",
                Map.of(
                        "gateway.routes[0].paths", "/api/x",
                        "gateway.routes[0].methods", "GET",
                        "gateway.routes[0].service", "agency-service",
                        "gateway.routes[0].access", "ROLE"));
        assertRejected(
                base,
                "'**' may only end",
                Map.of(
                        "gateway.routes[0].paths", "/api/**/x",
                        "gateway.routes[0].methods", "GET",
                        "gateway.routes[0].service", "agency-service",
                        "gateway.routes[0].access", "PUBLIC"));
    }

    private static void assertRejected(Map<String, String> base, String expected, Map<String, String> route) {
        Map<String, String> all = new HashMap<>(base);
        all.putAll(route);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RouteTable.from(config(all)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
