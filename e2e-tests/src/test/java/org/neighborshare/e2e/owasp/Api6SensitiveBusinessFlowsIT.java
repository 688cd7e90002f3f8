package org.neighborshare.e2e.owasp;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.e2e.DemoData;
import org.neighborshare.e2e.Gateway;
import org.neighborshare.e2e.Requests;
import org.neighborshare.e2e.RunningSuite;

/**
 * OWASP API6:2023 Unrestricted Access to Sensitive Business Flows. The flows worth automating against this
 * platform are mass surveillance (many, wide, long or far requests), getting an agency approved without two
 * independent reviewers, and getting footage without the owner's consent. Each is bounded server-side, through
 * the running stack.
 */
@ExtendWith(RunningSuite.class)
class Api6SensitiveBusinessFlowsIT {

    static World w;

    @BeforeAll
    static void world() {
        w = World.get();
    }

    @Test
    void aCaseNumberGetsAtMostTwoRequests() {
        int before = World.requestCount(w.investigatorB, w.agencyB);
        String caseNumber = "CASE2-" + w.tag;
        for (int i = 0; i < 2; i++) {
            Enrolment.postRequest(w.investigatorB, w.agencyB, body(caseNumber));
        }
        for (String again : List.of(caseNumber, "  " + caseNumber + " ")) {
            Response third =
                    Gateway.as(w.investigatorB).body(body(again)).post("/api/agencies/" + w.agencyB + "/requests");
            assertEquals("caseNumber", Problems.assertProblem(third, 422).getString("errors[0].field"));
        }
        assertEquals(before + 2, World.requestCount(w.investigatorB, w.agencyB));
    }

    @Test
    void anAgencysDailyQuotaStopsAFloodOfRequests() {
        // An agency of its own, so that using up its quota takes nothing from any other test.
        String domain = "cville-" + w.tag + "-fd.example";
        String chief = "owasp.chief.c";
        KeycloakUsers.ensure(chief, "chief@" + domain, true);
        String polygon = "{\"type\":\"Polygon\",\"coordinates\":[[[-100.00,40.00],[-99.90,40.00],[-99.90,40.10],"
                + "[-100.00,40.10],[-100.00,40.00]]]}";
        String agency = Enrolment.approvedAgency(chief, "Cville Fire Department", "FIRE", domain, polygon);
        Enrolment.addMember(chief, agency, "chief@" + domain, "investigator");
        Gateway.freshToken(chief);

        int quota = 50; // requests.daily-quota-per-agency, the shipped default the suite runs with
        for (int i = 0; i < quota; i++) {
            Gateway.as(chief)
                    .body(Enrolment.requestBody("FLOOD-" + w.tag + "-" + i, "flood " + i, "x@" + domain, 40.05, -99.95))
                    .post("/api/agencies/" + agency + "/requests")
                    .then()
                    .statusCode(201);
        }
        Response over = Gateway.as(chief)
                .body(Enrolment.requestBody("FLOOD-" + w.tag + "-x", "one more", "x@" + domain, 40.05, -99.95))
                .post("/api/agencies/" + agency + "/requests");
        String detail = Problems.assertProblem(over, 429).getString("detail");
        assertTrue(detail.contains("quota") && detail.contains(String.valueOf(quota)), detail);
        assertEquals(quota, World.requestCount(chief, agency));
        // The quota is the agency's: another agency still posts.
        Enrolment.postRequest(w.investigatorB, w.agencyB, body("OTHER-" + w.tag));
    }

    @Test
    void requestsCannotReachBeyondTheirAgencyOrTheirLimits() {
        int before = World.requestCount(w.investigatorB, w.agencyB);
        Instant end = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> refused = Map.of(
                // Riverton's streets from Bville's desk.
                "area", Enrolment.requestBody("FAR-" + w.tag, "elsewhere", "x@y.example", World.A_LAT, World.A_LON),
                "area.radiusMeters", body("WIDE-" + w.tag).replace("\"radiusMeters\":300", "\"radiusMeters\":2000"),
                "windowEnd", window(end.plus(4, ChronoUnit.HOURS), end.plus(5, ChronoUnit.HOURS)),
                "windowStart",
                        window(
                                end.minus(61, ChronoUnit.DAYS),
                                end.minus(61, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS)),
                "windowEnd ", window(end.minus(13, ChronoUnit.HOURS), end),
                "emergencyJustification",
                        body("EMERG-" + w.tag).replace("\"contact\"", "\"emergency\":true,\"contact\""));
        for (Map.Entry<String, String> e : refused.entrySet()) {
            Response r =
                    Gateway.as(w.investigatorB).body(e.getValue()).post("/api/agencies/" + w.agencyB + "/requests");
            assertEquals(e.getKey().strip(), Problems.assertProblem(r, 422).getString("errors[0].field"), r.asString());
        }
        assertEquals(before, World.requestCount(w.investigatorB, w.agencyB));
    }

    @Test
    void anAgencyIsApprovedOnlyByTwoIndependentReviewers() {
        // A reviewer applies for an agency (any signed-in user may): they cannot vet it themselves.
        String domain = "rivera-" + w.tag + "-pd.example";
        String id = Gateway.as(DemoData.REVIEWER_1)
                .body(Enrolment.application("Rivera PD", "POLICE", domain, "https://www." + domain, World.B_POLYGON))
                .post("/api/agency-applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        try {
            for (String item : List.of("JURISDICTION", "AUTHORIZING_OFFICIAL")) {
                Problems.assertProblem(
                        Gateway.as(DemoData.REVIEWER_1)
                                .body("{\"note\":\"mine\"}")
                                .post("/api/vetting/" + id + "/checks/" + item),
                        403);
            }
            Problems.assertProblem(
                    Gateway.as(DemoData.REVIEWER_1)
                            .body("{\"decision\":\"APPROVE\",\"reason\":\"mine\"}")
                            .post("/api/vetting/" + id + "/decision"),
                    403);
            // The automatic check cannot be ticked by hand, so a mismatched e-mail domain keeps it closed…
            Problems.assertProblem(
                    Gateway.as(DemoData.REVIEWER_2)
                            .body("{\"note\":\"trust me\"}")
                            .post("/api/vetting/" + id + "/checks/OFFICIAL_DOMAIN"),
                    422);
            // …and a second reviewer who ticked everything still cannot approve alone.
            Gateway.as(DemoData.REVIEWER_2)
                    .body("{\"note\":\"ok\"}")
                    .post("/api/vetting/" + id + "/checks/JURISDICTION")
                    .then()
                    .statusCode(200);
            Gateway.as(DemoData.REVIEWER_2)
                    .body("{\"note\":\"ok\"}")
                    .post("/api/vetting/" + id + "/checks/AUTHORIZING_OFFICIAL")
                    .then()
                    .statusCode(200);
            Problems.assertProblem(
                    Gateway.as(DemoData.REVIEWER_2)
                            .body("{\"decision\":\"APPROVE\",\"reason\":\"alone\"}")
                            .post("/api/vetting/" + id + "/decision"),
                    409);
            Gateway.anonymous()
                    .get("/api/public/agencies")
                    .then()
                    .statusCode(200)
                    .body("id", not(hasItem(id)));
        } finally {
            Gateway.as(DemoData.REVIEWER_2)
                    .body("{\"decision\":\"REJECT\",\"reason\":\"applicant is a platform reviewer\"}")
                    .post("/api/vetting/" + id + "/decision")
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("REJECTED"));
        }
    }

    @Test
    void footageFlowsOnlyByConsentEvenInAnEmergencyAndStopsWhenRevoked() {
        String emergency = Gateway.as(w.investigatorB)
                .body(
                        body("URGENT-" + w.tag)
                                .replace(
                                        "\"contact\"",
                                        "\"emergency\":true,\"emergencyJustification\":\"person trapped, imminent danger\",\"contact\""))
                .post("/api/agencies/" + w.agencyB + "/requests")
                .then()
                .statusCode(201)
                .body("emergency", equalTo(true))
                .extract()
                .path("id");
        Enrolment.publish(emergency);
        Requests.awaitInbox(w.ownerB, ids -> ids.contains(emergency), Duration.ofSeconds(20));
        Gateway.as(w.ownerB)
                .get("/api/me/inbox")
                .then()
                .statusCode(200)
                .body("find { it.requestId == '" + emergency + "' }.urgent", equalTo(true));

        byte[] bytes = ("urgent footage " + w.tag).getBytes(StandardCharsets.UTF_8);
        String clip =
                World.uploadClip(w.ownerB, w.cameraB, World.withinWindow(w.investigatorB, w.agencyB, emergency), bytes);
        String clips = "/api/agencies/" + w.agencyB + "/requests/" + emergency + "/clips";
        // An emergency changes the speed, never the consent: nothing until the owner shares.
        Gateway.as(w.investigatorB).get(clips).then().statusCode(200).body("size()", equalTo(0));
        Problems.assertProblem(Gateway.as(w.investigatorB).get(clips + "/" + clip + "/content"), 404);

        String share = World.share(w.ownerB, emergency, clip);
        Gateway.as(w.investigatorB).get(clips).then().statusCode(200).body("clipId", hasItem(clip));
        Response download = Gateway.as(w.investigatorB).get(clips + "/" + clip + "/content");
        assertEquals(200, download.statusCode());
        assertEquals(World.sha256(bytes), download.header("X-Content-SHA256"));

        Gateway.as(w.ownerB)
                .delete("/api/me/shares/" + share)
                .then()
                .statusCode(200)
                .body("agencyHadDownloaded", equalTo(true));
        Gateway.as(w.investigatorB).get(clips).then().statusCode(200).body("size()", equalTo(0));
        Problems.assertProblem(Gateway.as(w.investigatorB).get(clips + "/" + clip + "/content"), 404);
        // The owner saw the one download that happened, by whom and of what.
        Gateway.as(w.ownerB)
                .get("/api/me/access-log")
                .then()
                .statusCode(200)
                .body("find { it.clipId == '" + clip + "' }.accessorId", equalTo(w.investigatorBId))
                .body("find { it.clipId == '" + clip + "' }.sha256", equalTo(World.sha256(bytes)));
    }

    static String body(String caseNumber) {
        return Enrolment.requestBody(
                caseNumber, "business-flow probe", "x@bville-pd.example", World.B_LAT, World.B_LON);
    }

    static String window(Instant start, Instant end) {
        return body("WIN-" + start.getEpochSecond())
                .replaceFirst("\"windowStart\":\"[^\"]+\"", "\"windowStart\":\"" + start + "\"")
                .replaceFirst("\"windowEnd\":\"[^\"]+\"", "\"windowEnd\":\"" + end + "\"");
    }
}
