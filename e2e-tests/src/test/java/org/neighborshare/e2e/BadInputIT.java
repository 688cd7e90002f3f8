package org.neighborshare.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.e2e.owasp.Problems;

/**
 * Bad input, black-box through the gateway (issue finding 10): every case below answered 500, a 404 or was read
 * laxly before. Each is now a 4xx problem naming the field, and a read afterwards proves that nothing was stored.
 * The rules are the shared library's, so one service each would do; every service is tried to prove they all
 * apply them.
 */
@ExtendWith(RunningSuite.class)
class BadInputIT {

    static final String NUL = "\\u0000"; // a JSON escape: the body itself stays valid JSON
    static final String CAMERA = "{\"label\":\"Side door\",\"latitude\":45.5205,\"longitude\":-122.6695}";

    static String aliceCamera;

    @BeforeAll
    static void camera() {
        List<String> cameras = Clips.cameraIds(DemoData.ALICE);
        aliceCamera = cameras.isEmpty()
                ? Clips.registerCamera(DemoData.ALICE, "Bad-input porch", DemoData.CAMERA_LAT, DemoData.CAMERA_LON)
                : cameras.get(0);
    }

    // --- A NUL character in a stored string, at each service's create endpoint -----------------------------

    @Test
    void nulInAnAgencyApplicationIs400AndNoApplicationIsStored() {
        List<String> before = applications();
        String application = """
                {"officialName":"Springfield%sPolice","type":"POLICE",
                 "officialDomain":"springfield-pd.example","website":"https://springfield-pd.example",
                 "jurisdiction":%s,
                 "authorizingOfficial":{"name":"Dana Miller","title":"Chief","email":"dmiller@springfield-pd.example"},
                 "policyAccepted":true}""".formatted(NUL, Agencies.SPRINGFIELD);
        refused(
                Gateway.as(DemoData.APPLICANT).body(application).post("/api/agency-applications"),
                "officialName",
                "control characters");
        refused(
                Gateway.as(DemoData.APPLICANT)
                        .body(application.replace(NUL, " ").replace("\"Dana Miller\"", "\"Dana" + NUL + "Miller\""))
                        .post("/api/agency-applications"),
                "authorizingOfficial.name",
                "control characters");
        assertEquals(before, applications(), "no application stored");
    }

    @Test
    void nulInAFootageRequestIs400AndNoRequestIsStored() {
        String caseNumber = Clips.uniqueCase("NUL");
        String body = Requests.body(caseNumber, DemoData.CAMERA_LAT, DemoData.CAMERA_LON);
        refused(
                Gateway.as(DemoData.INVESTIGATOR)
                        .body(body.replace("Garage break-in", "Garage" + NUL + "break-in"))
                        .post(requestsPath()),
                "description",
                "control characters");
        refused(
                Gateway.as(DemoData.INVESTIGATOR)
                        .body(body.replace(caseNumber, caseNumber + NUL))
                        .post(requestsPath()),
                "caseNumber",
                "control characters");
        assertFalse(agencyCaseNumbers().stream().anyMatch(c -> c.startsWith(caseNumber)), "no request stored");
    }

    @Test
    void nulInACameraIs400AndNoCameraIsStored() {
        stored(() -> refused(
                Gateway.as(DemoData.ALICE)
                        .body(CAMERA.replace("Side door", "Side" + NUL + "door"))
                        .post("/api/me/cameras"),
                "label",
                "control characters"));
        stored(() -> refused(
                Gateway.as(DemoData.ALICE)
                        .body(CAMERA.replace("Side door", "Side\\u0007door"))
                        .post("/api/me/cameras"),
                "label",
                "control characters"));
    }

    @Test
    void nulInAQueryParameterIs400() {
        Set<String> files = Clips.filesInClipStore();
        List<String> clips = Clips.ownClipIds(DemoData.ALICE);
        refused(Gateway.anonymous().urlEncodingEnabled(false).get("/api/public/requests?page=%00"), "page", null);
        refused(
                Gateway.as(DemoData.ALICE)
                        .urlEncodingEnabled(false)
                        .contentType(Clips.MP4)
                        .body(Clips.video(1024))
                        .post("/api/me/clips?cameraId=" + aliceCamera + "%00&recordedAt="
                                + Instant.now().minusSeconds(3600)),
                "cameraId",
                null);
        assertEquals(clips, Clips.ownClipIds(DemoData.ALICE), "no clip row");
        assertEquals(files, Clips.filesInClipStore(), "no bytes in the clip store");
    }

    // --- Paging --------------------------------------------------------------------------------------------

    @Test
    void aHugePageIs400NamingPageAlsoUnauthenticatedOnThePublicLog() {
        for (String page : List.of("2147483647", "10001", "-1")) {
            refused(Gateway.anonymous().queryParam("page", page).get("/api/public/requests"), "page", "0 to 10000");
            refused(Gateway.as(DemoData.INVESTIGATOR).queryParam("page", page).get(requestsPath()), "page", null);
            refused(Gateway.as(DemoData.ALICE).queryParam("page", page).get("/api/me/clips"), "page", null);
            refused(Gateway.as(DemoData.ALICE).queryParam("page", page).get("/api/me/shares"), "page", null);
            refused(Gateway.as(DemoData.ALICE).queryParam("page", page).get("/api/me/access-log"), "page", null);
            refused(Gateway.as(DemoData.ALICE).queryParam("page", page).get("/api/me/deletion-receipts"), "page", null);
        }
        // The largest page allowed is served (empty), not refused.
        Gateway.anonymous()
                .queryParam("page", "10000")
                .get("/api/public/requests")
                .then()
                .statusCode(200);
        Gateway.as(DemoData.INVESTIGATOR)
                .queryParam("page", "10000")
                .queryParam("size", "100")
                .get(requestsPath())
                .then()
                .statusCode(200);
    }

    @Test
    void aNonNumericPageIs400NamingPageNot404() {
        for (String page : List.of("abc", "1e3", "0x10", "1.5", "+1", "%20")) {
            refused(Gateway.anonymous().queryParam("page", page).get("/api/public/requests"), "page", "whole number");
            refused(Gateway.as(DemoData.INVESTIGATOR).queryParam("page", page).get(requestsPath()), "page", null);
            refused(Gateway.as(DemoData.ALICE).queryParam("page", page).get("/api/me/clips"), "page", null);
        }
    }

    // --- Instants PostgreSQL cannot hold -------------------------------------------------------------------

    @Test
    void aClipRecordedInTheYearMinus5000Is400AndStoresNothing() {
        Set<String> files = Clips.filesInClipStore();
        List<String> clips = Clips.ownClipIds(DemoData.ALICE);
        for (String at : List.of("-5000-01-01T00:00:00Z", "+300000-01-01T00:00:00Z", "1969-12-31T23:59:59Z")) {
            refused(
                    Gateway.as(DemoData.ALICE)
                            .contentType(Clips.MP4)
                            .queryParam("cameraId", aliceCamera)
                            .queryParam("recordedAt", at)
                            .body(Clips.video(2048))
                            .post("/api/me/clips"),
                    "recordedAt",
                    "must be between");
            refused(
                    Gateway.as(DemoData.ALICE)
                            .contentType(Clips.MP4)
                            .header("X-Camera-Id", aliceCamera)
                            .header("X-Recorded-At", at)
                            .body(Clips.video(2048))
                            .post("/api/me/clips"),
                    "recordedAt",
                    "must be between");
        }
        assertEquals(clips, Clips.ownClipIds(DemoData.ALICE), "no clip row");
        assertEquals(files, Clips.filesInClipStore(), "no bytes in the clip store");
    }

    @Test
    void aRequestWindowInTheYearMinus5000Is400AndStoresNothing() {
        String caseNumber = Clips.uniqueCase("Y5000");
        String body = Requests.body(caseNumber, DemoData.CAMERA_LAT, DemoData.CAMERA_LON);
        JsonPath json = JsonPath.from(body);
        refused(
                Gateway.as(DemoData.INVESTIGATOR)
                        .body(body.replace(json.getString("windowStart"), "-5000-01-01T00:00:00Z"))
                        .post(requestsPath()),
                "windowStart",
                "must be between");
        refused(
                Gateway.as(DemoData.INVESTIGATOR)
                        .body(body.replace(json.getString("windowEnd"), "+300000-01-01T00:00:00Z"))
                        .post(requestsPath()),
                "windowEnd",
                "must be between");
        assertFalse(agencyCaseNumbers().contains(caseNumber), "no request stored");
    }

    // --- Strict JSON ---------------------------------------------------------------------------------------

    @Test
    void aDuplicateKeyIs400NamingItAndStoresNothing() {
        stored(() -> refused(
                Gateway.as(DemoData.ALICE)
                        .body(CAMERA.replace(
                                "{\"label\":\"Side door\"", "{\"label\":\"Side door\",\"label\":\"Other\""))
                        .post("/api/me/cameras"),
                "label",
                "more than once"));
        String caseNumber = Clips.uniqueCase("DUP");
        refused(
                Gateway.as(DemoData.INVESTIGATOR)
                        .body(Requests.body(caseNumber, DemoData.CAMERA_LAT, DemoData.CAMERA_LON)
                                .replace("\"radiusMeters\":300", "\"radiusMeters\":300,\"radiusMeters\":5000"))
                        .post(requestsPath()),
                "area.radiusMeters",
                "more than once");
        assertFalse(agencyCaseNumbers().contains(caseNumber), "no request stored");
    }

    @Test
    void aNumberForAnEnumIs400AndStoresNothing() {
        String caseNumber = Clips.uniqueCase("ENUM");
        refused(
                Gateway.as(DemoData.INVESTIGATOR)
                        .body(Requests.body(caseNumber, DemoData.CAMERA_LAT, DemoData.CAMERA_LON)
                                .replace("\"BURGLARY\"", "0"))
                        .post(requestsPath()),
                "incidentType",
                null);
        assertFalse(agencyCaseNumbers().contains(caseNumber), "no request stored");
        List<String> before = applications();
        refused(
                Gateway.as(DemoData.APPLICANT)
                        .body("""
                {"officialName":"Springfield Police","type":0,
                 "officialDomain":"springfield-pd.example","website":"https://springfield-pd.example",
                 "jurisdiction":%s,
                 "authorizingOfficial":{"name":"Dana Miller","title":"Chief","email":"dmiller@springfield-pd.example"},
                 "policyAccepted":true}""".formatted(Agencies.SPRINGFIELD))
                        .post("/api/agency-applications"),
                "type",
                null);
        assertEquals(before, applications(), "no application stored");
    }

    @Test
    void aStringForANumberOrANumberForAStringIs400AndStoresNothing() {
        stored(() -> refused(
                Gateway.as(DemoData.ALICE)
                        .body(CAMERA.replace("45.5205", "\"45.5205\""))
                        .post("/api/me/cameras"),
                "latitude",
                null));
        stored(() -> refused(
                Gateway.as(DemoData.ALICE)
                        .body(CAMERA.replace("\"Side door\"", "42"))
                        .post("/api/me/cameras"),
                "label",
                null));
        String caseNumber = Clips.uniqueCase("STR");
        refused(
                Gateway.as(DemoData.INVESTIGATOR)
                        .body(Requests.body(caseNumber, DemoData.CAMERA_LAT, DemoData.CAMERA_LON)
                                .replace("\"radiusMeters\":300", "\"radiusMeters\":\"300\""))
                        .post(requestsPath()),
                "area.radiusMeters",
                null);
        assertFalse(agencyCaseNumbers().contains(caseNumber), "no request stored");
    }

    @Test
    void trailingContentAfterTheDocumentIs400AndStoresNothing() {
        stored(() -> refused(
                Gateway.as(DemoData.ALICE)
                        .body(CAMERA + "{\"label\":\"second\"}")
                        .post("/api/me/cameras"),
                "body",
                "nothing after"));
        stored(() -> refused(Gateway.as(DemoData.ALICE).body(CAMERA + " 1").post("/api/me/cameras"), "body", null));
    }

    // --- Path ids that are not ids -------------------------------------------------------------------------

    @Test
    void aPathIdThatIsNoUuidIs400NamingItNot404() {
        refused(Gateway.as(DemoData.ALICE).post("/api/me/cameras/not-a-uuid/pause"), "cameraId", "must be a UUID");
        refused(Gateway.as(DemoData.ALICE).get("/api/me/clips/not-a-uuid"), "clipId", "must be a UUID");
        refused(Gateway.as(DemoData.REVIEWER_1).get("/api/vetting/not-a-uuid"), "agencyId", "must be a UUID");
        refused(
                Gateway.as(DemoData.REVIEWER_1)
                        .body("{\"decision\":\"PUBLISH\",\"reason\":\"fine\"}")
                        .post("/api/moderation/requests/not-a-uuid/decision"),
                "requestId",
                "must be a UUID");
        refused(Gateway.as(DemoData.INVESTIGATOR).get(requestsPath() + "/not-a-uuid"), "requestId", "must be a UUID");
        // An agency id in the path is checked by the gateway first, before any role or agency-state check.
        refused(
                Gateway.as(DemoData.INVESTIGATOR).get("/api/agencies/not-a-uuid/requests"),
                "agencyId",
                "must be a UUID");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** A 400 problem whose first error names {@code field} (and says {@code reason}, when given). */
    private static void refused(Response r, String field, String reason) {
        JsonPath problem = Problems.assertProblem(r, 400);
        assertEquals(field, problem.getString("errors[0].field"), r.asString());
        if (reason != null) {
            assertTrue(problem.getString("detail").contains(reason), r.asString());
        }
    }

    /** Runs a refused camera call and proves Alice's cameras are unchanged. */
    private static void stored(Runnable refusedCall) {
        List<String> before = Clips.cameraIds(DemoData.ALICE);
        refusedCall.run();
        assertEquals(before, Clips.cameraIds(DemoData.ALICE), "no camera stored");
    }

    private static String requestsPath() {
        return "/api/agencies/" + DemoData.RIVERTON + "/requests";
    }

    private static List<String> agencyCaseNumbers() {
        return pages(page -> Gateway.as(DemoData.INVESTIGATOR)
                .queryParam("page", page)
                .queryParam("size", 100)
                .get(requestsPath()));
    }

    private static List<String> pages(IntFunction<Response> page) {
        List<String> all = new ArrayList<>();
        for (int i = 0; ; i++) {
            List<String> these =
                    page.apply(i).then().statusCode(200).extract().jsonPath().getList("caseNumber", String.class);
            all.addAll(these);
            if (these.size() < 100) {
                return all;
            }
        }
    }

    private static List<String> applications() {
        return Gateway.as(DemoData.APPLICANT)
                .get("/api/agency-applications/mine")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", String.class);
    }
}
