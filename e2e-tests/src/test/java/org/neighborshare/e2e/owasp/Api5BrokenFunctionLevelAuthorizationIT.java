package org.neighborshare.e2e.owasp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.e2e.DemoData;
import org.neighborshare.e2e.Gateway;
import org.neighborshare.e2e.RunningSuite;
import org.neighborshare.e2e.owasp.Inventory.Operation;
import org.neighborshare.e2e.owasp.Inventory.Route;

/**
 * OWASP API5:2023 Broken Function Level Authorization: each function is for one role (reviewer, agency-admin,
 * investigator, owner, a service account), and holding another one, even in the same agency, opens nothing. The
 * functions come from the services' OpenAPI documents and the gateway's route table.
 */
@ExtendWith(RunningSuite.class)
class Api5BrokenFunctionLevelAuthorizationIT {

    static World w;
    /** A request of agency B still waiting for moderation. */
    static String pendingB;

    @BeforeAll
    static void world() {
        w = World.get();
        pendingB = Enrolment.postRequest(
                w.investigatorB,
                w.agencyB,
                Enrolment.requestBody(
                        "PENDING-" + w.tag, "awaiting moderation", "x@bville-pd.example", World.B_LAT, World.B_LON));
    }

    @Test
    void nobodyButAReviewerVetsModeratesSuspendsOrRevokes() {
        List<Operation> reviewerOps = operationsFor(r -> "ROLE".equals(r.access()) && "reviewer".equals(r.role()));
        Set<String> names =
                reviewerOps.stream().map(o -> o.method() + " " + o.path()).collect(Collectors.toSet());
        for (String known : List.of(
                "GET /api/vetting/queue",
                "POST /api/vetting/{agencyId}/checks/{item}",
                "POST /api/vetting/{agencyId}/decision",
                "POST /api/agencies/{agencyId}/suspend",
                "POST /api/agencies/{agencyId}/reinstate",
                "POST /api/agencies/{agencyId}/revoke",
                "GET /api/moderation/requests",
                "POST /api/moderation/requests/{requestId}/decision")) {
            assertTrue(names.contains(known), "reviewer functions lack " + known + ": " + names);
        }
        Gateway.as(DemoData.REVIEWER_1).get("/api/vetting/queue").then().statusCode(200);

        // Members of an agency aiming at their own agency and their own request, and a plain owner.
        Map<String, String> ownAgency = Map.of(
                w.investigatorB,
                w.agencyB,
                w.adminB,
                w.agencyB,
                w.investigatorA,
                w.agencyA,
                w.adminA,
                w.agencyA,
                w.ownerA,
                w.agencyB);
        for (Map.Entry<String, String> caller : ownAgency.entrySet()) {
            for (Operation op : reviewerOps) {
                Map<String, String> values = new HashMap<>();
                values.put("agencyId", caller.getValue());
                values.put("requestId", pendingB);
                values.put("item", "JURISDICTION");
                String path = op.fill(values);
                Response r = Api1BrokenObjectLevelAuthorizationIT.call(
                        caller.getKey(), op.method(), path, reviewerBody(path));
                Problems.assertProblem(r, 403);
            }
        }
        World.assertState(w.investigatorB, w.agencyB, pendingB, "PENDING_REVIEW");
        for (String agency : List.of(w.agencyA, w.agencyB)) {
            Gateway.anonymous()
                    .get("/api/public/agencies")
                    .then()
                    .statusCode(200)
                    .body("find { it.id == '" + agency + "' }.state", equalTo("APPROVED"));
        }
        // The reviewer is served where they are refused; here they publish it (it is in the queue).
        Gateway.as(DemoData.REVIEWER_2)
                .get("/api/moderation/requests")
                .then()
                .statusCode(200)
                .body("id", hasItem(pendingB));
    }

    @Test
    void onlyAnAgencyAdminManagesMembersAndOnlyAnInvestigatorHandlesRequestsAndClips() {
        Set<String> membersOfA = Set.copyOf(Gateway.as(w.adminA)
                .get("/api/agencies/" + w.agencyA + "/members")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("userId"));
        for (Operation op : operationsFor(r -> "AGENCY_ROLE".equals(r.access()))) {
            Route route = Inventory.routeFor(op.method(), op.path());
            // The member of agency A who does NOT hold the role the function needs.
            String caller = "agency-admin".equals(route.role()) ? w.investigatorA : w.adminA;
            Map<String, String> values =
                    Api1BrokenObjectLevelAuthorizationIT.values(op, w.agencyA, w.requestA, w.clipA, w.investigatorAId);
            String path = op.fill(values);
            Response r = Api1BrokenObjectLevelAuthorizationIT.call(
                    caller,
                    op.method(),
                    path,
                    op.path().endsWith("/members")
                            ? "{\"email\":\"owasp.owner.a@mail.example\",\"role\":\"agency-admin\"}"
                            : op.method().equals("POST") && op.path().endsWith("/requests")
                                    ? Enrolment.requestBody(
                                            "ROLE-" + w.tag, "wrong role", "x@y.example", World.A_LAT, World.A_LON)
                                    : null);
            Problems.assertProblem(r, 403);
            String detail = r.jsonPath().getString("detail");
            assertTrue(detail.contains(route.role()), caller + " " + op + ": " + detail);
        }
        assertEquals(
                membersOfA,
                Set.copyOf(Gateway.as(w.adminA)
                        .get("/api/agencies/" + w.agencyA + "/members")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("userId")));
        World.assertState(w.investigatorA, w.agencyA, w.requestA, "PUBLISHED");
    }

    @Test
    void ownersAndReviewersGetNoAgencyFunctionAndNoFootage() {
        // I1: not even platform staff reach a clip an owner shared with an agency.
        for (String caller : List.of(w.ownerA, w.ownerB, DemoData.REVIEWER_1, DemoData.REVIEWER_2)) {
            for (Operation op : operationsFor(r -> "AGENCY_ROLE".equals(r.access()))) {
                for (String[] target :
                        new String[][] {{w.agencyA, w.requestA, w.clipA}, {w.agencyB, w.requestB, w.clipB}}) {
                    String path = op.fill(Api1BrokenObjectLevelAuthorizationIT.values(
                            op, target[0], target[1], target[2], w.investigatorAId));
                    Response r = Api1BrokenObjectLevelAuthorizationIT.call(
                            caller, op.method(), path, op.method().equals("POST") ? "{}" : null);
                    Problems.assertProblem(r, 403);
                    Problems.assertLeaksNothing(r, List.of(w.sha256A, w.sha256B, w.descriptionB), caller + " " + path);
                }
            }
        }
        // Owner B, whose clip it is, gets it only through their own routes, not through the agency's.
        Gateway.as(w.ownerB)
                .get("/api/me/clips/" + w.clipB)
                .then()
                .statusCode(200)
                .body("sha256", equalTo(w.sha256B));
    }

    @Test
    void serviceToServiceFunctionsAreForServiceAccountsOnly() {
        List<Operation> internal = operationsFor(r -> "ROLE".equals(r.access())
                && List.of("feed-reader", "agency-directory", "counts-reader").contains(r.role()));
        assertTrue(internal.size() >= 3, "internal functions: " + internal);
        for (String user : List.of(w.ownerA, w.investigatorA, w.adminA, DemoData.REVIEWER_1)) {
            for (Operation op : internal) {
                String path = op.fill(Map.of("agencyId", w.agencyA, "requestId", w.requestA));
                Problems.assertProblem(Api1BrokenObjectLevelAuthorizationIT.call(user, op.method(), path, null), 403);
            }
            Problems.assertProblem(Gateway.as(user).get("/api/directory/requests/" + w.requestA + "/counts"), 403);
        }
        // Each service account holds exactly its own functions: consent-service reads the feed and agency states.
        String consent = clientToken("consent-service", "local-demo-consent-secret");
        String request = clientToken("request-service", "local-demo-request-secret");
        bearer(consent).get("/api/feed/request-events").then().statusCode(200);
        bearer(request)
                .get("/api/directory/agencies/" + w.agencyA + "/status")
                .then()
                .statusCode(200)
                .body("state", equalTo("APPROVED"));
        for (String token : List.of(consent, request)) {
            for (String path : List.of(
                    "/api/me/inbox",
                    "/api/vetting/queue",
                    "/api/moderation/requests",
                    "/api/agencies/" + w.agencyA + "/requests",
                    "/api/agencies/" + w.agencyA + "/members",
                    "/api/agencies/" + w.agencyA + "/requests/" + w.requestA + "/clips")) {
                Problems.assertProblem(bearer(token).get(path), 403);
            }
        }
        // request-service reads the public-log counts; consent-service, which serves them, may not read them back.
        bearer(request)
                .queryParam("id", w.requestA)
                .get("/api/directory/requests/counts")
                .then()
                .statusCode(200);
        Problems.assertProblem(bearer(consent).queryParam("id", w.requestA).get("/api/directory/requests/counts"), 403);
        // consent-service reads agency states (sharing needs an APPROVED agency), through the same directory role.
        bearer(consent)
                .get("/api/directory/agencies/" + w.agencyA + "/status")
                .then()
                .statusCode(200)
                .body("state", equalTo("APPROVED"));
        Problems.assertProblem(bearer(request).get("/api/feed/request-events"), 403);
        // Nor can a service account write what it only reads.
        Problems.assertProblem(bearer(consent).body("{}").post("/api/feed/request-events"), 405);
    }

    @Test
    void methodsAreFunctionsToo() {
        // Only the routed methods: no DELETE of a request (I3 keeps them forever), no PUT on the public record.
        Response delete = Gateway.as(w.investigatorA).delete("/api/agencies/" + w.agencyA + "/requests/" + w.requestA);
        Problems.assertProblem(delete, 405);
        assertTrue(delete.header("Allow").contains("GET"), delete.header("Allow"));
        Problems.assertProblem(Gateway.as(DemoData.REVIEWER_1).body("{}").put("/api/public/requests"), 405);
        Problems.assertProblem(
                Gateway.as(DemoData.REVIEWER_1).body("{}").patch("/api/agencies/" + w.agencyA + "/suspend"), 405);
        // A method-override header does not turn a read into a delete.
        String camera = World.camera(w.ownerA, "override probe " + w.tag, World.A_LAT, World.A_LON);
        for (String header : List.of("X-HTTP-Method-Override", "X-Method-Override", "X-HTTP-Method")) {
            Gateway.as(w.ownerA)
                    .header(header, "DELETE")
                    .get("/api/me/cameras")
                    .then()
                    .statusCode(200)
                    .body("id", hasItem(camera));
        }
        Gateway.as(w.ownerA)
                .header("X-HTTP-Method-Override", "DELETE")
                .body("{}")
                .post("/api/me/cameras/" + camera + "/pause")
                .then()
                .statusCode(200)
                .body("status", equalTo("PAUSED"));
        Gateway.as(w.ownerA).get("/api/me/cameras").then().statusCode(200).body("id", hasItem(camera));
        Gateway.as(w.ownerA).delete("/api/me/cameras/" + camera).then().statusCode(204);
        World.assertState(w.investigatorA, w.agencyA, w.requestA, "PUBLISHED");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The documented operations the gateway routes with a route satisfying {@code which}. */
    static List<Operation> operationsFor(java.util.function.Predicate<Route> which) {
        return Inventory.operations().stream()
                .filter(o -> {
                    Route r = Inventory.routeFor(o.method(), o.path());
                    return r != null && which.test(r);
                })
                .toList();
    }

    static String reviewerBody(String path) {
        if (path.endsWith("/decision")) {
            return path.contains("/moderation/")
                    ? "{\"decision\":\"PUBLISH\",\"reason\":\"self-moderated\"}"
                    : "{\"decision\":\"APPROVE\",\"reason\":\"self-approved\"}";
        }
        if (path.contains("/checks/")) {
            return "{\"note\":\"self-checked\"}";
        }
        return path.startsWith("/api/agencies/") || path.endsWith("/revet") ? "{\"reason\":\"not a reviewer\"}" : null;
    }

    static String clientToken(String client, String secret) {
        return given().baseUri(RunningSuite.config().keycloakUrl())
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", client)
                .formParam("client_secret", secret)
                .post("/realms/neighbors/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    static io.restassured.specification.RequestSpecification bearer(String token) {
        return Gateway.anonymous().header("Authorization", "Bearer " + token);
    }
}
