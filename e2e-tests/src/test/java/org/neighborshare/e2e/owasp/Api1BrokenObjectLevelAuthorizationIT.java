package org.neighborshare.e2e.owasp;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.e2e.Gateway;
import org.neighborshare.e2e.RunningSuite;
import org.neighborshare.e2e.owasp.Inventory.Operation;
import org.neighborshare.e2e.owasp.Inventory.Route;

/**
 * OWASP API1:2023 Broken Object Level Authorization, through the running stack. The operations come from the
 * services' own OpenAPI documents and the gateway's route table, so every agency-scoped route is in the matrix,
 * including ones added after this test was written.
 */
@ExtendWith(RunningSuite.class)
class Api1BrokenObjectLevelAuthorizationIT {

    /** The agency-scoped operations this matrix must at least contain (a guard against an empty inventory). */
    static final List<String> KNOWN = List.of(
            "GET /api/agencies/{agencyId}/members",
            "POST /api/agencies/{agencyId}/members",
            "DELETE /api/agencies/{agencyId}/members/{userId}",
            "GET /api/agencies/{agencyId}/requests",
            "POST /api/agencies/{agencyId}/requests",
            "GET /api/agencies/{agencyId}/requests/{requestId}",
            "POST /api/agencies/{agencyId}/requests/{requestId}/close",
            "GET /api/agencies/{agencyId}/requests/{requestId}/clips",
            "GET /api/agencies/{agencyId}/requests/{requestId}/clips/{clipId}/content",
            "POST /api/agencies/{agencyId}/suspend",
            "POST /api/agencies/{agencyId}/reinstate",
            "POST /api/agencies/{agencyId}/revoke");

    static World w;

    /** One side of a cross-tenant probe: an agency, its two members, its request and the clip shared for it. */
    record Side(
            String agency,
            String admin,
            String adminEmail,
            String investigator,
            String investigatorEmail,
            String investigatorId,
            String request,
            String clip,
            String sha256,
            String owner,
            double lat,
            double lon,
            List<String> secrets) {}

    static Side a;
    static Side b;

    @BeforeAll
    static void world() {
        w = World.get();
        a = new Side(
                w.agencyA,
                w.adminA,
                "nokafor@riverton-pd.example",
                w.investigatorA,
                "sjones@riverton-pd.example",
                w.investigatorAId,
                w.requestA,
                w.clipA,
                w.sha256A,
                w.ownerA,
                World.A_LAT,
                World.A_LON,
                w.secretsOfA());
        b = new Side(
                w.agencyB,
                w.adminB,
                "chief@" + World.B_DOMAIN,
                w.investigatorB,
                "det@" + World.B_DOMAIN,
                w.investigatorBId,
                w.requestB,
                w.clipB,
                w.sha256B,
                w.ownerB,
                World.B_LAT,
                World.B_LON,
                w.secretsOfB());
    }

    @Test
    void membersOfOneAgencyGetNothingOfAnotherOnEveryAgencyScopedRoute() {
        List<Operation> matrix = agencyScopedOperations();
        Set<String> names =
                matrix.stream().map(o -> o.method() + " " + o.path()).collect(Collectors.toSet());
        for (String known : KNOWN) {
            assertTrue(names.contains(known), "the matrix lacks " + known + "; it has " + names);
        }
        for (Side[] pair : new Side[][] {{a, b}, {b, a}}) {
            Side attacker = pair[0];
            Side victim = pair[1];
            // The victim's own members are served: the refusals below are about who asks, not about broken ids.
            Response own = Gateway.as(victim.investigator())
                    .get("/api/agencies/" + victim.agency() + "/requests/" + victim.request() + "/clips/"
                            + victim.clip() + "/content");
            assertEquals(200, own.statusCode(), own.asString());
            assertEquals(victim.sha256(), World.sha256(own.asByteArray()));
            Snapshot before = Snapshot.of(victim);

            for (String caller : List.of(attacker.admin(), attacker.investigator())) {
                String callerEmail =
                        caller.equals(attacker.admin()) ? attacker.adminEmail() : attacker.investigatorEmail();
                for (Operation op : matrix) {
                    Map<String, String> ids =
                            values(op, victim.agency(), victim.request(), victim.clip(), victim.investigatorId());
                    String path = op.fill(ids);
                    Response r = call(caller, op.method(), path, body(op, victim, callerEmail));
                    String what = caller + " " + op.method() + " " + path;
                    Problems.assertProblem(r, 403, 404);
                    Problems.assertLeaksNothing(r, victim.secrets(), what);
                }
            }

            assertEquals(before, Snapshot.of(victim), "the probes changed something of agency " + victim.agency());
            for (String caller : List.of(attacker.admin(), attacker.investigator())) {
                List<String> groups = groups(Gateway.freshToken(caller));
                assertTrue(
                        groups.stream().noneMatch(g -> g.contains(victim.agency())),
                        caller + " gained a role in " + victim.agency() + ": " + groups);
            }
            // Only the victim's own investigator ever downloaded the victim's clip.
            List<Map<String, Object>> log = Gateway.as(victim.owner())
                    .get("/api/me/access-log")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("findAll { it.clipId == '" + victim.clip() + "' }");
            assertFalse(log.isEmpty(), "the owner's access log misses the legitimate download");
            for (Map<String, Object> entry : log) {
                assertEquals(victim.investigatorId(), entry.get("accessorId"), "access by someone else: " + entry);
                assertEquals(victim.agency(), entry.get("agencyId"), "access by another agency: " + entry);
            }
        }
    }

    @Test
    void anotherAgencysRequestsClipsAndMembersUnderYourOwnAgencyAre404LikeMissingOnes() {
        for (Side[] pair : new Side[][] {{a, b}, {b, a}}) {
            Side attacker = pair[0];
            Side victim = pair[1];
            Snapshot before = Snapshot.of(victim);
            int probed = 0;
            for (Operation op : agencyScopedOperations()) {
                List<String> objects = op.placeholders().stream()
                        .filter(p -> List.of("requestId", "clipId", "userId").contains(p))
                        .toList();
                Route route = Inventory.routeFor(op.method(), op.path());
                if (objects.isEmpty() || route == null || !"AGENCY_ROLE".equals(route.access())) {
                    continue;
                }
                String caller = "agency-admin".equals(route.role()) ? attacker.admin() : attacker.investigator();
                List<Map<String, String>> variants = new ArrayList<>();
                variants.add(values(op, attacker.agency(), victim.request(), victim.clip(), victim.investigatorId()));
                if (objects.contains("clipId")) {
                    // The attacker's own request with the victim's clip.
                    variants.add(
                            values(op, attacker.agency(), attacker.request(), victim.clip(), victim.investigatorId()));
                }
                for (Map<String, String> forOther : variants) {
                    Map<String, String> forMissing = new HashMap<>(forOther);
                    List<String> otherIds = new ArrayList<>();
                    List<String> missingIds = new ArrayList<>();
                    for (String name : objects) {
                        String id = forOther.get(name);
                        if (id.equals(victim.request())
                                || id.equals(victim.clip())
                                || id.equals(victim.investigatorId())) {
                            String random = UUID.randomUUID().toString();
                            forMissing.put(name, random);
                            otherIds.add(id);
                            missingIds.add(random);
                        }
                    }
                    String path = op.fill(forOther);
                    Response other = call(caller, op.method(), path, body(op, attacker, "nobody@nowhere.example"));
                    Response missing = call(
                            caller, op.method(), op.fill(forMissing), body(op, attacker, "nobody@nowhere.example"));
                    String what = caller + " " + op.method() + " " + path;
                    Problems.assertProblem(other, 404);
                    Problems.assertSameRefusal(other, otherIds, missing, missingIds, what);
                    Problems.assertLeaksNothing(other, victim.secrets(), what);
                    probed++;
                }
            }
            // members/{userId}, requests/{requestId}, .../close, .../clips, .../clips/{clipId}/content (twice)
            assertTrue(probed >= 6, "only " + probed + " object-level probes");
            assertEquals(before, Snapshot.of(victim), "the probes changed something of agency " + victim.agency());
        }
    }

    @Test
    void ownersReachNoCameraClipShareOrInboxItemOfAnotherOwner() {
        List<Operation> ops = Inventory.operations().stream()
                .filter(o ->
                        o.path().startsWith("/api/me/") && !o.placeholders().isEmpty())
                .toList();
        Set<String> names = ops.stream().map(o -> o.method() + " " + o.path()).collect(Collectors.toSet());
        for (String known : List.of(
                "DELETE /api/me/cameras/{cameraId}",
                "POST /api/me/cameras/{cameraId}/pause",
                "POST /api/me/cameras/{cameraId}/resume",
                "GET /api/me/clips/{clipId}",
                "DELETE /api/me/shares/{shareId}",
                "POST /api/me/inbox/{requestId}/response")) {
            assertTrue(names.contains(known), "owner routes lack " + known + ": " + names);
        }
        record Owner(String user, String camera, String clip, String share, String request, String label, String sha) {}
        Owner ownerA =
                new Owner(w.ownerA, w.cameraA, w.clipA, w.shareA, w.requestA, "Riverton side gate " + w.tag, w.sha256A);
        Owner ownerB = new Owner(w.ownerB, w.cameraB, w.clipB, w.shareB, w.requestB, w.cameraLabelB, w.sha256B);
        for (Owner[] pair : new Owner[][] {{ownerA, ownerB}, {ownerB, ownerA}}) {
            Owner attacker = pair[0];
            Owner victim = pair[1];
            List<String> secrets = List.of(victim.label(), victim.sha(), victim.user());
            Map<String, String> victimIds = Map.of(
                    "cameraId",
                    victim.camera(),
                    "clipId",
                    victim.clip(),
                    "shareId",
                    victim.share(),
                    "requestId",
                    victim.request());
            for (Operation op : ops) {
                Map<String, String> random = new HashMap<>();
                op.placeholders().forEach(p -> random.put(p, UUID.randomUUID().toString()));
                String body = op.path().endsWith("/response") ? "{\"answer\":\"DECLINE\"}" : null;
                String path = op.fill(victimIds);
                Response other = call(attacker.user(), op.method(), path, body);
                Response missing = call(attacker.user(), op.method(), op.fill(random), body);
                String what = attacker.user() + " " + op.method() + " " + path;
                Problems.assertProblem(other, 404);
                Problems.assertSameRefusal(
                        other,
                        op.placeholders().stream().map(victimIds::get).toList(),
                        missing,
                        op.placeholders().stream().map(random::get).toList(),
                        what);
                Problems.assertLeaksNothing(other, secrets, what);
            }
            // Uploading onto someone else's camera, and sharing someone else's clip for one's own request.
            String randomCamera = UUID.randomUUID().toString();
            byte[] bytes = "not mine".getBytes(StandardCharsets.UTF_8);
            java.time.Instant at = java.time.Instant.now().minusSeconds(3600);
            Problems.assertSameRefusal(
                    Problems.assertProblemResponse(World.upload(attacker.user(), victim.camera(), at, bytes), 404),
                    List.of(victim.camera()),
                    World.upload(attacker.user(), randomCamera, at, bytes),
                    List.of(randomCamera),
                    attacker.user() + " uploads onto " + victim.camera());
            String randomClip = UUID.randomUUID().toString();
            Problems.assertSameRefusal(
                    Problems.assertProblemResponse(shareClip(attacker.user(), attacker.request(), victim.clip()), 404),
                    List.of(victim.clip()),
                    shareClip(attacker.user(), attacker.request(), randomClip),
                    List.of(randomClip),
                    attacker.user() + " shares " + victim.clip());

            // The victim's things are as they were.
            Gateway.as(victim.user())
                    .get("/api/me/cameras")
                    .then()
                    .statusCode(200)
                    .body("find { it.id == '" + victim.camera() + "' }.status", equalTo("ACTIVE"));
            Gateway.as(victim.user())
                    .get("/api/me/clips/" + victim.clip())
                    .then()
                    .statusCode(200)
                    .body("sha256", equalTo(victim.sha()));
            Gateway.as(victim.user())
                    .get("/api/me/shares")
                    .then()
                    .statusCode(200)
                    .body("find { it.id == '" + victim.share() + "' }.status", equalTo("ACTIVE"))
                    .body("find { it.id == '" + victim.share() + "' }.revokedAt", org.hamcrest.Matchers.nullValue());
            Gateway.as(victim.user())
                    .get("/api/me/inbox")
                    .then()
                    .statusCode(200)
                    .body("find { it.requestId == '" + victim.request() + "' }.response", equalTo("SHARE"));
            // And nothing of theirs appears in any of the attacker's own lists.
            for (String list : List.of(
                    "/api/me/cameras",
                    "/api/me/clips",
                    "/api/me/shares",
                    "/api/me/inbox",
                    "/api/me/access-log",
                    "/api/me/deletion-receipts")) {
                String text = Gateway.as(attacker.user())
                        .get(list)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
                for (String s : List.of(victim.camera(), victim.clip(), victim.share(), victim.label(), victim.sha())) {
                    assertFalse(text.contains(s), attacker.user() + "'s " + list + " shows " + s + ": " + text);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Every documented operation under /api/agencies/{agencyId}, plus, for each (path, method) of a gateway route
     * naming {agencyId} that no documented operation exercises, that path itself; plus the agency "profile"
     * GET /api/agencies/{agencyId}, which no route serves.
     */
    static List<Operation> agencyScopedOperations() {
        List<Operation> ops = new ArrayList<>(Inventory.operations().stream()
                .filter(o -> o.path().startsWith("/api/agencies/{agencyId}"))
                .toList());
        for (Route r : Inventory.routes()) {
            for (String pattern : r.paths()) {
                if (!pattern.contains("{agencyId}")) {
                    continue;
                }
                Route single = new Route(
                        r.index(), r.name(), List.of(pattern), r.methods(), r.service(), r.access(), r.role());
                for (String m : r.methods()) {
                    if (ops.stream().noneMatch(o -> o.method().equals(m) && single.matches(m, o.path()))) {
                        ops.add(new Operation(r.service(), m, pattern.replace("/**", "")));
                    }
                }
            }
        }
        ops.add(new Operation("none", "GET", "/api/agencies/{agencyId}"));
        return List.copyOf(new LinkedHashSet<>(ops));
    }

    static Map<String, String> values(Operation op, String agency, String request, String clip, String userId) {
        Map<String, String> v = new HashMap<>();
        for (String p : op.placeholders()) {
            v.put(
                    p,
                    switch (p) {
                        case "agencyId" -> agency;
                        case "requestId" -> request;
                        case "clipId" -> clip;
                        case "userId" -> userId;
                        default -> UUID.randomUUID().toString();
                    });
        }
        return v;
    }

    /** A body that would do harm if the call were let through. */
    static String body(Operation op, Side target, String callerEmail) {
        if (!op.method().equals("POST") && !op.method().equals("PUT")) {
            return null;
        }
        if (op.path().endsWith("/requests")) {
            return Enrolment.requestBody(
                    "BOLA-" + UUID.randomUUID().toString().substring(0, 8),
                    "cross-tenant probe",
                    "probe@nowhere.example",
                    target.lat(),
                    target.lon());
        }
        if (op.path().endsWith("/members")) {
            return "{\"email\":\"" + callerEmail + "\",\"role\":\"agency-admin\"}";
        }
        if (op.path().matches(".*/(suspend|reinstate|revoke)$")) {
            return "{\"reason\":\"cross-tenant probe\"}";
        }
        return op.path().endsWith("/close") ? null : "{}";
    }

    /** {@code method path} through the gateway as {@code user} (anonymously for null), with {@code body} if any. */
    static Response call(String user, String method, String path, String body) {
        RequestSpecification spec = user == null ? Gateway.anonymous() : Gateway.as(user);
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.request(method, path);
    }

    static Response shareClip(String owner, String request, String clip) {
        return Gateway.as(owner)
                .body("{\"answer\":\"SHARE\",\"clipIds\":[\"" + clip + "\"]}")
                .post("/api/me/inbox/" + request + "/response");
    }

    static List<String> groups(String token) {
        String payload =
                new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        List<String> g = JsonPath.from(payload).getList("groups", String.class);
        return g == null ? List.of() : g;
    }

    /** What a cross-tenant probe could have changed in an agency: its state, requests, members and shared clips. */
    record Snapshot(String agencyState, int requests, String requestState, Set<String> members, List<String> clips) {

        static Snapshot of(Side s) {
            String state = Gateway.anonymous()
                    .get("/api/public/agencies")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("find { it.id == '" + s.agency() + "' }.state");
            assertNotNull(state, "agency " + s.agency() + " is not in the public directory");
            String requestState = Gateway.as(s.investigator())
                    .get("/api/agencies/" + s.agency() + "/requests/" + s.request())
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("state");
            Set<String> members = Set.copyOf(Gateway.as(s.admin())
                    .get("/api/agencies/" + s.agency() + "/members")
                    .then()
                    .statusCode(200)
                    .body("userId", hasItem(s.investigatorId()))
                    .extract()
                    .jsonPath()
                    .getList("userId", String.class));
            List<String> clips = Gateway.as(s.investigator())
                    .get("/api/agencies/" + s.agency() + "/requests/" + s.request() + "/clips")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("clipId", String.class);
            return new Snapshot(state, World.requestCount(s.investigator(), s.agency()), requestState, members, clips);
        }
    }
}
