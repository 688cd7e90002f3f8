package org.neighborshare.e2e.owasp;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.e2e.DemoData;
import org.neighborshare.e2e.Gateway;
import org.neighborshare.e2e.RunningSuite;

/**
 * OWASP API3:2023 Broken Object Property Level Authorization: clients cannot write properties the server owns
 * (mass assignment), cannot raise a property beyond what they may grant, and read only the properties meant for
 * them (no excessive data exposure), through the running stack.
 */
@ExtendWith(RunningSuite.class)
class Api3BrokenObjectPropertyLevelAuthorizationIT {

    static World w;

    @BeforeAll
    static void world() {
        w = World.get();
    }

    /** A create or update call, the body it accepts, and the server-owned properties a client might add to it. */
    record Write(String user, String method, String path, String validBody, Map<String, String> serverOwned) {}

    @Test
    void serverOwnedPropertiesOnEveryCreateAndUpdateAreRefusedAndNothingIsStored() {
        String applicant = "owasp.applicant3";
        String domain = "mass-" + w.tag + "-pd.example";
        KeycloakUsers.ensure(applicant, "chief@" + domain, true);
        String someId = "\"" + UUID.randomUUID() + "\"";
        String past = "\"2020-01-01T00:00:00Z\"";
        List<Write> writes = List.of(
                new Write(
                        applicant,
                        "POST",
                        "/api/agency-applications",
                        Enrolment.application("Mass PD", "POLICE", domain, "https://www." + domain, World.B_POLYGON),
                        Map.of(
                                "id",
                                someId,
                                "state",
                                "\"APPROVED\"",
                                "approvedAt",
                                past,
                                "appliedAt",
                                past,
                                "stateReason",
                                "\"x\"",
                                "applicantId",
                                someId,
                                "applicantEmail",
                                "\"a@b.example\"",
                                "approvedBy",
                                someId,
                                "stateChangedAt",
                                past)),
                new Write(
                        w.investigatorB,
                        "POST",
                        "/api/agencies/" + w.agencyB + "/requests",
                        Enrolment.requestBody(
                                "MASS-" + w.tag,
                                "mass assignment probe",
                                "x@bville-pd.example",
                                World.B_LAT,
                                World.B_LON),
                        Map.of(
                                "id",
                                someId,
                                "agencyId",
                                "\"" + w.agencyA + "\"",
                                "state",
                                "\"PUBLISHED\"",
                                "publishedAt",
                                past,
                                "createdAt",
                                past,
                                "createdBy",
                                someId,
                                "stateReason",
                                "\"x\"",
                                "endedAt",
                                past)),
                new Write(
                        w.ownerA,
                        "POST",
                        "/api/me/cameras",
                        "{\"label\":\"mass\",\"latitude\":" + World.A_LAT + ",\"longitude\":" + World.A_LON + "}",
                        Map.of(
                                "id",
                                someId,
                                "ownerId",
                                "\"" + w.ownerBId + "\"",
                                "status",
                                "\"PAUSED\"",
                                "createdAt",
                                past)),
                new Write(
                        w.ownerA,
                        "PUT",
                        "/api/me/settings",
                        "{\"optedOut\":false}",
                        Map.of("ownerId", "\"" + w.ownerBId + "\"", "updatedAt", past)),
                new Write(
                        w.ownerA,
                        "POST",
                        "/api/me/inbox/" + w.requestA + "/response",
                        "{\"answer\":\"SHARE\",\"clipIds\":[\"" + w.clipA + "\"]}",
                        Map.of(
                                "agencyId",
                                "\"" + w.agencyB + "\"",
                                "neighbor",
                                "\"Neighbor 99\"",
                                "ownerId",
                                "\"" + w.ownerBId + "\"",
                                "requestId",
                                someId,
                                "expiresAt",
                                "\"2099-01-01T00:00:00Z\"",
                                "firstDownloadAt",
                                past,
                                "revokedAt",
                                past,
                                "status",
                                "\"ACTIVE\"",
                                "id",
                                someId)),
                new Write(
                        w.adminB,
                        "POST",
                        "/api/agencies/" + w.agencyB + "/members",
                        "{\"email\":\"det@" + World.B_DOMAIN + "\",\"role\":\"investigator\"}",
                        Map.of(
                                "userId",
                                "\"" + w.ownerAId + "\"",
                                "roles",
                                "[\"agency-admin\"]",
                                "agencyId",
                                "\"" + w.agencyA + "\"",
                                "username",
                                "\"owasp.owner.a\"")));

        int requestsOfB = World.requestCount(w.investigatorB, w.agencyB);
        int camerasOfA = Gateway.as(w.ownerA)
                .get("/api/me/cameras")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id")
                .size();
        int sharesOfA = Gateway.as(w.ownerA)
                .get("/api/me/shares")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id")
                .size();
        List<String> membersOfB = Gateway.as(w.adminB)
                .get("/api/agencies/" + w.agencyB + "/members")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("userId");

        for (Write write : writes) {
            for (Map.Entry<String, String> field : write.serverOwned().entrySet()) {
                String body =
                        write.validBody().replaceFirst("\\{", "{\"" + field.getKey() + "\":" + field.getValue() + ",");
                Response r =
                        Api1BrokenObjectLevelAuthorizationIT.call(write.user(), write.method(), write.path(), body);
                String what = write.method() + " " + write.path() + " with " + field.getKey();
                Problems.assertProblem(r, 400, 422);
                assertTrue(
                        r.jsonPath().getList("errors.field").contains(field.getKey()),
                        what + " does not name the field: " + r.asString());
            }
        }
        // A nested object is no way round it.
        Response nested = Gateway.as(applicant)
                .body(Enrolment.application("Mass PD", "POLICE", domain, "https://www." + domain, World.B_POLYGON)
                        .replace("\"title\":\"Chief\"", "\"title\":\"Chief\",\"verified\":true"))
                .post("/api/agency-applications");
        Problems.assertProblem(nested, 400);

        // Nothing was stored or changed by any of them.
        Gateway.as(applicant)
                .get("/api/agency-applications/mine")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        assertEquals(requestsOfB, World.requestCount(w.investigatorB, w.agencyB));
        Gateway.anonymous()
                .queryParam("size", 100)
                .get("/api/public/requests")
                .then()
                .statusCode(200)
                .body("caseNumber", not(hasItem("MASS-" + w.tag)));
        assertEquals(
                camerasOfA,
                Gateway.as(w.ownerA)
                        .get("/api/me/cameras")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("id")
                        .size());
        assertEquals(
                sharesOfA,
                Gateway.as(w.ownerA)
                        .get("/api/me/shares")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("id")
                        .size());
        Gateway.as(w.ownerB).get("/api/me/cameras").then().statusCode(200).body("label", not(hasItem("mass")));
        assertEquals(
                Set.copyOf(membersOfB),
                Set.copyOf(Gateway.as(w.adminB)
                        .get("/api/agencies/" + w.agencyB + "/members")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("userId")));

        // The same bodies without the extra property are accepted: the refusals were about the property alone.
        Write application = writes.get(0);
        String id = Gateway.as(applicant)
                .body(application.validBody())
                .post(application.path())
                .then()
                .statusCode(201)
                .body("state", equalTo("APPLIED"))
                .body("approvedAt", org.hamcrest.Matchers.nullValue())
                .extract()
                .path("id");
        Gateway.as(DemoData.REVIEWER_2)
                .body("{\"decision\":\"REJECT\",\"reason\":\"test application\"}")
                .post("/api/vetting/" + id + "/decision")
                .then()
                .statusCode(200);
        Gateway.as(w.ownerA)
                .body(writes.get(3).validBody())
                .put("/api/me/settings")
                .then()
                .statusCode(200)
                .body("optedOut", equalTo(false));
    }

    @Test
    void anAgencyAdminCannotGrantMoreThanAnAgencyRole() {
        int before = Gateway.as(w.adminB)
                .get("/api/agencies/" + w.agencyB + "/members")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("userId")
                .size();
        for (String role : List.of(
                "reviewer",
                "owner",
                "feed-reader",
                "agency-directory",
                "admin",
                "/agencies/" + w.agencyA + "/agency-admin",
                w.agencyA + ":agency-admin",
                "Agency-Admin",
                "agency-admin ",
                "investigator,agency-admin")) {
            Response r = Gateway.as(w.adminB)
                    .body("{\"email\":\"owasp.owner.a@mail.example\",\"role\":\"" + role + "\"}")
                    .post("/api/agencies/" + w.agencyB + "/members");
            Problems.assertProblem(r, 400, 422);
            assertEquals("role", r.jsonPath().getString("errors[0].field"), role + ": " + r.asString());
        }
        assertEquals(
                before,
                Gateway.as(w.adminB)
                        .get("/api/agencies/" + w.agencyB + "/members")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("userId")
                        .size());
        String token = Gateway.freshToken(w.ownerA);
        List<String> groups = Api1BrokenObjectLevelAuthorizationIT.groups(token);
        assertTrue(groups.isEmpty(), "owner A gained groups: " + groups);
        Map<String, Object> realmAccess = io.restassured.path.json.JsonPath.from(new String(
                        java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .getMap("realm_access");
        assertFalse(String.valueOf(realmAccess).contains("reviewer"), "owner A became a reviewer: " + realmAccess);
        Gateway.as(w.ownerA).get("/api/vetting/queue").then().statusCode(403);

        // Owners' restrictions have bounds the client cannot lift either.
        Response tooLong = Gateway.as(w.ownerA)
                .body("{\"answer\":\"SHARE\",\"clipIds\":[\"" + w.clipA + "\"],\"retentionDays\":3650}")
                .post("/api/me/inbox/" + w.requestA + "/response");
        Problems.assertProblem(tooLong, 422);
        assertEquals("retentionDays", tooLong.jsonPath().getString("errors[0].field"));
    }

    @Test
    void everyReaderSeesOnlyThePropertiesMeantForThem() {
        // The public directory: no applicant, no authorizing official, no e-mail address.
        Response directory = Gateway.anonymous().get("/api/public/agencies");
        directory.then().statusCode(200).body("id", hasItem(w.agencyB));
        for (Map<String, Object> agency : directory.jsonPath().<Map<String, Object>>getList("")) {
            for (String hidden : List.of(
                    "applicantId",
                    "applicantEmail",
                    "authorizingOfficial",
                    "officialEmail",
                    "officialPersonName",
                    "checks",
                    "decisions")) {
                assertFalse(agency.containsKey(hidden), "public directory shows " + hidden + ": " + agency);
            }
        }
        for (String secret : List.of(
                "chief@" + World.B_DOMAIN,
                "official@" + World.B_DOMAIN,
                "Pat Official",
                w.adminBId,
                "dmiller@springfield-pd.example")) {
            assertFalse(directory.asString().contains(secret), "public directory shows " + secret);
        }

        // The public request log: what docs/invariants.md (I3) lists, not the description, contact or author.
        Response log = Gateway.anonymous().queryParam("size", 100).get("/api/public/requests");
        log.then().statusCode(200).body("id", hasItem(w.requestB));
        Map<String, Object> entry = log.jsonPath().getMap("find { it.id == '" + w.requestB + "' }");
        for (String hidden : List.of("description", "contact", "createdBy", "emergencyJustification", "stateReason")) {
            assertFalse(entry.containsKey(hidden), "public log shows " + hidden + ": " + entry);
        }
        for (String secret : List.of(w.descriptionB, w.contactB, w.investigatorBId)) {
            assertFalse(log.asString().contains(secret), "public log shows " + secret);
        }

        // The agency's view of shared clips: a pseudonym, never the owner, the camera or where it is (I2).
        Response clips =
                Gateway.as(w.investigatorB).get("/api/agencies/" + w.agencyB + "/requests/" + w.requestB + "/clips");
        clips.then().statusCode(200).body("clipId", hasItem(w.clipB));
        Set<String> allowed = Set.of(
                "clipId", "neighbor", "size", "sha256", "contentType", "recordedAt", "shareExpiresAt", "allowCopies");
        for (Map<String, Object> clip : clips.jsonPath().<Map<String, Object>>getList("")) {
            assertTrue(allowed.containsAll(clip.keySet()), "the agency sees more of a clip than it may: " + clip);
            assertTrue(String.valueOf(clip.get("neighbor")).startsWith("Neighbor "), clip.toString());
        }
        List<String> ownerTraces = new ArrayList<>(
                List.of(w.ownerBId, w.ownerB, "owasp.owner.b@mail.example", w.cameraB, w.cameraLabelB, w.shareB));
        for (String view : List.of(
                "/api/agencies/" + w.agencyB + "/requests/" + w.requestB + "/clips",
                "/api/agencies/" + w.agencyB + "/requests/" + w.requestB,
                "/api/agencies/" + w.agencyB + "/requests")) {
            String text = Gateway.as(w.investigatorB)
                    .get(view)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            for (String trace : ownerTraces) {
                assertFalse(text.contains(trace), view + " shows the owner's " + trace + ": " + text);
            }
        }

        // The owner's inbox names the agency, not the investigator who asked.
        String inbox = Gateway.as(w.ownerB)
                .get("/api/me/inbox")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(inbox.contains(w.requestB));
        for (String secret : List.of(w.investigatorBId, w.investigatorB, "det@" + World.B_DOMAIN)) {
            assertFalse(inbox.contains(secret), "the inbox shows the investigator " + secret);
        }
    }
}
