package org.neighborshare.e2e.owasp;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.e2e.DemoData;
import org.neighborshare.e2e.Gateway;
import org.neighborshare.e2e.RunningSuite;
import org.neighborshare.e2e.owasp.Inventory.Operation;
import org.neighborshare.e2e.owasp.Inventory.Route;

/**
 * OWASP API9:2023 Improper Inventory Management: what is exposed is exactly what is meant to be. The services'
 * OpenAPI documents and the gateway's route table agree on where each operation goes; nothing outside
 * /api/public is reachable without a token; the services' management endpoints, the internal service-to-service
 * routes, and versions or aliases that do not exist are not reachable through the gateway at all.
 */
@ExtendWith(RunningSuite.class)
class Api9ImproperInventoryManagementIT {

    static World w;

    @BeforeAll
    static void world() {
        w = World.get();
    }

    @Test
    void everyRoutedOperationGoesToTheServiceThatDocumentsIt() {
        List<String> misrouted = new ArrayList<>();
        int routed = 0;
        for (Operation op : Inventory.operations()) {
            Route route = Inventory.routeFor(op.method(), op.path());
            if (route == null) {
                continue; // not exposed through the gateway (asserted unreachable below)
            }
            routed++;
            if (!route.service().equals(op.service())) {
                misrouted.add(op + " -> route " + route.name() + " (" + route.service() + ")");
            }
        }
        assertTrue(misrouted.isEmpty(), "the gateway sends these to a service that does not serve them: " + misrouted);
        assertTrue(routed >= 30, "only " + routed + " documented operations are routed");
    }

    @Test
    void withoutATokenOnlyThePublicRecordAnswers() {
        for (Operation op : Inventory.operations()) {
            String path = op.fill(randomIds(op));
            Response viaGateway = Api1BrokenObjectLevelAuthorizationIT.call(
                    null,
                    op.method(),
                    path,
                    op.method().equals("GET") || op.method().equals("DELETE") ? null : "{}");
            if (op.path().startsWith("/api/public/")) {
                assertTrue(viaGateway.statusCode() < 500, op + ": " + viaGateway.statusCode());
            } else {
                // 401 where a route exists, 404 where none does: never an answer, never a server error.
                Problems.assertProblem(viaGateway, 401, 404);
                if (Inventory.routeFor(op.method(), op.path()) != null) {
                    assertEquals(401, viaGateway.statusCode(), op + " is routed but did not ask for a token");
                }
            }
            // Straight to the service, bypassing the gateway: always 401 (I6), public record included.
            var spec = given().baseUri(RunningSuite.config().url(op.service())).contentType("application/json");
            if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
                spec = spec.body("{}");
            }
            Response direct = spec.request(op.method(), path);
            assertEquals(401, direct.statusCode(), "direct " + op + ": " + direct.asString());
        }
    }

    @Test
    void managementEndpointsOfTheServicesAreNotReachableThroughTheGateway() {
        List<String> paths = new ArrayList<>(List.of(
                "/q/openapi",
                "/q/openapi?format=json",
                "/q/swagger-ui",
                "/q/dev-ui",
                "/q/arc",
                "/api/q/health",
                "/api/q/metrics",
                "/api/q/openapi",
                "/api/public/q/health",
                "/api/public/agencies/../../q/openapi",
                "/api/public/agencies/%2e%2e/%2e%2e/q/openapi",
                "/api/public/agencies/..%2f..%2fq%2fopenapi",
                "/api/public/agencies/%2E%2E%2F%2E%2E%2Fq%2Fhealth",
                "/api/me/..;/..;/q/openapi",
                "/api/public/requests/%252e%252e/%252e%252e/q/openapi"));
        for (String path : paths) {
            Response r = Gateway.as(DemoData.ALICE).urlEncodingEnabled(false).get(path);
            String body = r.asString();
            assertFalse(body.contains("\"paths\"") || body.contains("openapi:"), path + " served an OpenAPI document");
            assertFalse(
                    body.contains("Database connections health check")
                            || body.toLowerCase(Locale.ROOT).contains("datasource"),
                    path + " served a service's health: " + body);
            assertTrue(r.statusCode() >= 400, path + " answered " + r.statusCode() + ": " + body);
        }
        // The gateway's public port serves nothing under /q, not even its own health: that is on its management port,
        // and tells nothing of the services either.
        Problems.assertProblem(Gateway.anonymous().get("/q/health"), 404);
        Response health = io.restassured.RestAssured.given()
                .baseUri(RunningSuite.config().managementUrl("gateway"))
                .get("/q/health");
        assertEquals(200, health.statusCode());
        for (String service : Inventory.SERVICES) {
            assertFalse(health.asString().contains(service), health.asString());
        }
    }

    @Test
    void internalRoutesAreUnreachableForUsers() {
        for (String user : List.of(w.ownerA, w.investigatorA, w.adminA, DemoData.REVIEWER_1)) {
            for (String path : List.of(
                    "/api/feed/request-events",
                    "/api/feed/request-events?after=0&limit=500",
                    "/api/directory/agencies/" + w.agencyA,
                    "/api/directory/agencies/" + w.agencyB + "/status",
                    "/api/directory/requests/" + w.requestA + "/counts",
                    "/api/directory/requests/counts?id=" + w.requestA)) {
                Problems.assertProblem(Gateway.as(user).get(path), 403);
            }
            for (String path :
                    List.of("/api/feed", "/api/directory", "/api/feed/request-events/1", "/api/internal/agencies")) {
                Problems.assertProblem(Gateway.as(user).get(path), 404);
            }
        }
    }

    @Test
    void versionsAndAliasesThatDoNotExistAre404Problems() {
        for (String path : List.of(
                "/api/v1/public/agencies",
                "/api/v2/public/agencies",
                "/v1/public/agencies",
                "/v2/api/public/agencies",
                "/api/public/v2/agencies",
                "/API/public/agencies",
                "/api/Public/agencies",
                "/api/public/agencies.json",
                "/api/public/agencies;v=2",
                "/api/public/agencies%2F",
                "/api/beta/me/inbox",
                "/api/old/agencies/" + w.agencyA + "/requests",
                "/api/v1/agencies/" + w.agencyA + "/requests",
                "/api/agencies/" + w.agencyA + "/export",
                "/api/agencies/" + w.agencyA + "/clips",
                "/api/admin",
                "/api/debug",
                "/api/test",
                "/api/graphql",
                "/graphql",
                "/api")) {
            for (String user : List.of(w.investigatorA, DemoData.REVIEWER_1)) {
                Response r = Gateway.as(user).urlEncodingEnabled(false).get(path);
                Problems.assertProblem(r, 404);
            }
        }
        // The one version there is still answers.
        Gateway.anonymous().get("/api/public/agencies").then().statusCode(200);
    }

    static Map<String, String> randomIds(Operation op) {
        Map<String, String> values = new HashMap<>();
        op.placeholders()
                .forEach(p -> values.put(
                        p, p.equals("item") ? "JURISDICTION" : UUID.randomUUID().toString()));
        return values;
    }
}
