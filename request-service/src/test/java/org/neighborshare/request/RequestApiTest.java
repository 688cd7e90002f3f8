package org.neighborshare.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neighborshare.request.Api.anyone;
import static org.neighborshare.request.Api.body;
import static org.neighborshare.request.Api.create;
import static org.neighborshare.request.Api.feedReader;
import static org.neighborshare.request.Api.investigator;
import static org.neighborshare.request.Api.publish;
import static org.neighborshare.request.Api.reviewer;
import static org.neighborshare.request.Api.validBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neighborshare.request.counts.RequestCounts;
import org.neighborshare.testsupport.PostgresResource;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class RequestApiTest {

    // Each test its own agency, so the daily quota of one test never trips another.
    final UUID AGENCY = UUID.randomUUID();
    final UUID OTHER_AGENCY = UUID.randomUUID();

    @Test
    void publishedRequestAppearsInFeedAndPublicLog() {
        String id = create(AGENCY, "C-" + UUID.randomUUID());
        String reviewer = reviewer();
        given().header("Authorization", reviewer)
                .contentType(ContentType.JSON)
                .body("{\"decision\":\"PUBLISH\",\"reason\":\"lawful and proportionate\"}")
                .post("/api/moderation/requests/" + id + "/decision")
                .then()
                .statusCode(200)
                .body("state", equalTo("PUBLISHED"));

        String feedReader = feedReader();
        given().header("Authorization", feedReader)
                .get("/api/feed/request-events?after=0")
                .then()
                .statusCode(200)
                .body("events.requestId", hasItem(id))
                .body("events.find { it.requestId == '" + id + "' }.type", equalTo("REQUEST_PUBLISHED"));
        given().header("Authorization", anyone())
                .get("/api/public/requests")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));
    }

    @Inject
    TestCounts counts;

    @Test
    void publicLogShowsConsentServiceCountsCachedAndSurvivesItsOutage() {
        String shown = publish(create(AGENCY, "N-" + UUID.randomUUID()));
        counts.put(new RequestCounts(UUID.fromString(shown), 12L, null, null));
        String anyone = anyone();
        String item = "find { it.id == '" + shown + "' }.";
        given().header("Authorization", anyone)
                .get("/api/public/requests")
                .then()
                .statusCode(200)
                .body(item + "counts.camerasReached", equalTo(12))
                .body(item + "counts", org.hamcrest.Matchers.hasKey("neighboursShared"))
                .body(item + "counts.neighboursShared", nullValue());
        int askedBefore = counts.asked().size();

        counts.failing(true);
        try {
            String unknown = publish(create(AGENCY, "N-" + UUID.randomUUID()));
            given().header("Authorization", anyone)
                    .get("/api/public/requests")
                    .then()
                    .statusCode(200)
                    .body(item + "counts.camerasReached", equalTo(12))
                    .body("find { it.id == '" + unknown + "' }.counts", nullValue())
                    .body("find { it.id == '" + unknown + "' }.caseNumber", org.hamcrest.Matchers.startsWith("N-"));
            // The cached request's counts were not asked for again; the new one was.
            List<UUID> askedSince =
                    counts.asked().subList(askedBefore, counts.asked().size());
            assertFalse(askedSince.contains(UUID.fromString(shown)), "cached counts fetched again: " + askedSince);
            assertTrue(askedSince.contains(UUID.fromString(unknown)));
        } finally {
            counts.failing(false);
        }
    }

    @Test
    void transparencyReportCountsModerationWithEmergenciesApart() {
        String anyone = anyone();
        io.restassured.path.json.JsonPath before = given().header("Authorization", anyone)
                .get("/api/public/transparency")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String reviewer = reviewer();
        String emergencyBody = validBody("E-" + UUID.randomUUID())
                .replace(
                        "\"contact\"",
                        "\"emergency\":true,\"emergencyJustification\":\"child missing since 14:00\",\"contact\"");
        List<String> emergencies = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            emergencies.add(given().header("Authorization", investigator(AGENCY))
                    .contentType(ContentType.JSON)
                    .body(emergencyBody)
                    .post("/api/agencies/" + AGENCY + "/requests")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        publish(emergencies.get(0));
        given().header("Authorization", reviewer)
                .contentType(ContentType.JSON)
                .body("{\"decision\":\"REJECT\",\"reason\":\"no imminent danger described\"}")
                .post("/api/moderation/requests/" + emergencies.get(1) + "/decision")
                .then()
                .statusCode(200);
        create(AGENCY, "T-" + UUID.randomUUID());

        io.restassured.path.json.JsonPath after = given().header("Authorization", anyone)
                .get("/api/public/transparency")
                .then()
                .statusCode(200)
                .body("emergency.medianSecondsToDecision", notNullValue())
                .extract()
                .jsonPath();
        assertEquals(before.getLong("emergency.submitted") + 2, after.getLong("emergency.submitted"));
        assertEquals(before.getLong("emergency.published") + 1, after.getLong("emergency.published"));
        assertEquals(before.getLong("emergency.rejected") + 1, after.getLong("emergency.rejected"));
        assertEquals(before.getLong("emergency.pending"), after.getLong("emergency.pending"));
        assertEquals(before.getLong("regular.submitted") + 1, after.getLong("regular.submitted"));
        assertEquals(before.getLong("regular.pending") + 1, after.getLong("regular.pending"));
    }

    @Test
    void transparencyPeriodsThatAreNotDatesOrInstantsAreProblemsNamingTheField() {
        String anyone = anyone();
        for (String[] bad : List.of(
                new String[] {"from", "yesterday"},
                new String[] {"from", "-5000-01-01T00:00:00Z"},
                new String[] {"to", "2026-13-01"},
                new String[] {"to", "1999-06-30"},
                new String[] {"from", "2026-03-01T10:00:00"})) {
            given().header("Authorization", anyone)
                    .queryParam(bad[0], bad[1])
                    .get("/api/public/transparency")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString(bad[0]));
        }
        given().header("Authorization", anyone)
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-01T00:00:00Z")
                .get("/api/public/transparency")
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("to"));
    }

    @Test
    void transparencyIsAlsoCsvByAcceptOrPathAndSaysWhenTheLogsCannotBeRead() {
        String anyone = anyone();
        String period = "2026-03-01";
        // No gateway in this test: the log figures are null and the report says why, never a 500.
        given().header("Authorization", anyone)
                .queryParam("from", period)
                .get("/api/public/transparency")
                .then()
                .statusCode(200)
                .body("period.from", equalTo("2026-03-01T00:00:00Z"))
                .body("logsUnavailable", notNullValue())
                .body("downloadsNotBackedByAValidShare", nullValue())
                .body("requests.byIncidentType.BURGLARY", notNullValue());
        for (var spec : List.of(
                given().header("Authorization", anyone)
                        .header("Accept", "text/csv")
                        .basePath("/api/public/transparency"),
                given().header("Authorization", anyone).basePath("/api/public/transparency.csv"))) {
            String csv = spec.get()
                    .then()
                    .statusCode(200)
                    .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                    .extract()
                    .asString();
            assertTrue(csv.startsWith("section,name,detail,value\r\n"), csv);
            assertTrue(csv.contains("\"requests.byIncidentType\",\"BURGLARY\",\"\","), csv);
            assertTrue(csv.contains("\"emergency\",\"submitted\",\"\","), csv);
        }
    }

    @Test
    void pendingRequestIsNotPublic() {
        String id = create(AGENCY, "C-" + UUID.randomUUID());
        given().header("Authorization", anyone())
                .get("/api/public/requests")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(id)));
    }

    @Test
    void roleInOneAgencyGrantsNothingInAnother() {
        given().header("Authorization", investigator(OTHER_AGENCY))
                .contentType(ContentType.JSON)
                .body(validBody("X-1"))
                .post("/api/agencies/" + AGENCY + "/requests")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        String id = create(AGENCY, "C-" + UUID.randomUUID());
        given().header("Authorization", investigator(OTHER_AGENCY))
                .get("/api/agencies/" + OTHER_AGENCY + "/requests/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void windowAndAreaRulesNameTheField() {
        Instant end = Instant.now().minus(1, ChronoUnit.HOURS);
        refusedNaming(body("W-1", end.minus(13, ChronoUnit.HOURS), end, 300), "windowEnd");
        refusedNaming(body("W-2", end.minus(5, ChronoUnit.MINUTES), end, 300), "windowEnd");
        refusedNaming(
                body(
                        "W-3",
                        Instant.now().minus(30, ChronoUnit.MINUTES),
                        Instant.now().plus(30, ChronoUnit.MINUTES),
                        300),
                "windowEnd");
        refusedNaming(body("W-4", end.minus(1, ChronoUnit.HOURS), end, 700), "area.radiusMeters");
        refusedNaming(body("W-5", end.minus(1, ChronoUnit.HOURS), end, 100), "area.radiusMeters");
    }

    @Test
    void thirdRequestForACaseIsRefused() {
        String caseNumber = "K-" + UUID.randomUUID();
        create(AGENCY, caseNumber);
        create(AGENCY, caseNumber);
        refusedNaming(validBody(caseNumber), "caseNumber");
    }

    @Test
    void centreOutsideTheJurisdictionIsRefused() {
        Instant end = Instant.now().minus(1, ChronoUnit.HOURS);
        refusedNaming(body("J-1", end.minus(1, ChronoUnit.HOURS), end, 300, 40.0, -100.0), "area");
    }

    @Test
    void aSuspendedAgencyCannotAsk() {
        UUID suspended = TestAgencies.SUSPENDED;
        given().header("Authorization", investigator(suspended))
                .contentType(ContentType.JSON)
                .body(validBody("S-1"))
                .post("/api/agencies/" + suspended + "/requests")
                .then()
                .statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("SUSPENDED"));
    }

    @Test
    void theDailyQuotaStopsTheNextRequest() {
        for (int i = 0; i < 5; i++) {
            create(AGENCY, "Q-" + i + "-" + UUID.randomUUID());
        }
        given().header("Authorization", investigator(AGENCY))
                .contentType(ContentType.JSON)
                .body(validBody("Q-over"))
                .post("/api/agencies/" + AGENCY + "/requests")
                .then()
                .statusCode(429)
                .contentType("application/problem+json");
        given().header("Authorization", investigator(AGENCY))
                .get("/api/agencies/" + AGENCY + "/requests")
                .then()
                .statusCode(200)
                .body("size()", equalTo(5));
    }

    @Test
    void feedNeedsTheFeedReaderRole() {
        given().header("Authorization", investigator(AGENCY))
                .get("/api/feed/request-events")
                .then()
                .statusCode(403);
    }

    /** The agency's investigator posts the body and gets a 422 naming the field; the rule is in RequestRules. */
    private void refusedNaming(String body, String field) {
        given().header("Authorization", investigator(AGENCY))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/agencies/" + AGENCY + "/requests")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo(field));
    }
}
