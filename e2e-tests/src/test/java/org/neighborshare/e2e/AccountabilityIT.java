package org.neighborshare.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.e2e.owasp.Enrolment;
import org.neighborshare.e2e.owasp.KeycloakUsers;
import org.neighborshare.shared.audit.AuditEventType;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.privacy.SmallCounts;

/**
 * The accountability scenario end to end, through the gateway (issue "accountability", tests): an agency applies
 * and is vetted, requests footage, owners share (one declines), the agency downloads, one owner revokes, retention
 * passes on the moved clock; then every figure of the transparency report equals what the test recomputes from
 * what it did, and the verifier run against the live suite passes.
 */
@ExtendWith(RunningSuite.class)
class AccountabilityIT {

    /** Inside Riverton's jurisdiction, away from every other test's cameras. */
    static final double LAT = 45.5360;

    static final double LON = -122.6450;

    static final String JURISDICTION = "{\"type\":\"Polygon\",\"coordinates\":[[[-122.70,45.50],[-122.64,45.50],"
            + "[-122.64,45.54],[-122.70,45.54],[-122.70,45.50]]]}";

    @Test
    void theTransparencyReportEqualsWhatHappenedAndTheVerifierPasses() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Instant start = TestClock.now("consent-service");
        JsonPath before = report(Map.of());

        // An agency applies and two reviewers vet it; its admin adds an investigator.
        String domain = "acct-" + tag + ".example";
        String chief = "chief.acct-" + tag;
        String investigator = "inv.acct-" + tag;
        KeycloakUsers.ensure(chief, "chief@" + domain, true);
        KeycloakUsers.ensure(investigator, "detective@" + domain, true);
        String agency =
                Enrolment.approvedAgency(chief, "Accountability Fire District " + tag, "FIRE", domain, JURISDICTION);
        Enrolment.addMember(chief, agency, "detective@" + domain, "investigator");

        // Seven neighbours with a camera in the area.
        List<String> owners = new ArrayList<>();
        List<String> cameras = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String owner = "owner.acct-" + tag + "-" + i;
            KeycloakUsers.ensure(owner, "owner" + i + "@mail-" + tag + ".example", true);
            owners.add(owner);
            cameras.add(Clips.registerCamera(owner, "Porch " + i, LAT, LON));
        }

        // A request published, an emergency one rejected.
        String request = Enrolment.publishedRequest(
                investigator,
                agency,
                Enrolment.requestBody("ACC-" + tag, "Shed fire on Oak Street", "fire@" + domain, LAT, LON));
        Instant emergencySubmitted = Instant.now();
        String emergency = Gateway.as(investigator)
                .body(
                        Enrolment.requestBody("ACE-" + tag, "Arson, suspect seen", "fire@" + domain, LAT, LON)
                                .replace(
                                        "\"contact\"",
                                        "\"emergency\":true,\"emergencyJustification\":\"a second fire is feared\",\"contact\""))
                .post("/api/agencies/" + agency + "/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Gateway.as(DemoData.REVIEWER_2)
                .body("{\"decision\":\"REJECT\",\"reason\":\"no imminent danger described\"}")
                .post("/api/moderation/requests/" + emergency + "/decision")
                .then()
                .statusCode(200);
        Duration emergencyDecisionAtMost = Duration.between(emergencySubmitted, Instant.now());

        // Six share a clip each for a day, the seventh declines.
        List<String> clips = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        List<String> shares = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String owner = owners.get(i);
            Requests.awaitInbox(owner, ids -> ids.contains(request), Duration.ofSeconds(20));
            if (i == 6) {
                Clips.answer(owner, request, "{\"answer\":\"DECLINE\"}", 200);
                continue;
            }
            byte[] video = Clips.video(4096 + i);
            String clip = Clips.upload(
                    owner, cameras.get(i), Clips.inWindowOf(owner, Duration.ofMinutes(10), request), video);
            clips.add(clip);
            hashes.add(Clips.sha256(video));
            shares.add(Clips.answer(
                            owner,
                            request,
                            "{\"answer\":\"SHARE\",\"clipIds\":[\"" + clip + "\"],\"retentionDays\":1}",
                            201)
                    .path("share.id"));
        }

        // The investigator downloads all six; then the sixth owner revokes.
        for (String clip : clips) {
            Gateway.as(investigator)
                    .get("/api/agencies/" + agency + "/requests/" + request + "/clips/" + clip + "/content")
                    .then()
                    .statusCode(200);
        }
        Gateway.as(owners.get(5))
                .delete("/api/me/shares/" + shares.get(5))
                .then()
                .statusCode(200);

        // Retention passes: a day and two minutes later all six clips are deleted at retention (the revoked share's
        // clip too: it was downloaded before the revocation, so it is kept to the retention date like the others).
        TestClock.advance(Duration.ofDays(1).plusMinutes(2));
        Set<String> kept = new HashSet<>(hashes);
        awaitRetentionDeletions(kept, Duration.ofSeconds(30));
        Instant end = TestClock.now("consent-service").plusMillis(1);

        // The report of the scenario's period.
        JsonPath after = report(Map.of("from", start.toString(), "to", end.toString()));

        // Agencies: this one approved in the period, enrolled now as FIRE; nothing suspended or revoked.
        assertEquals(1, after.getLong("agencies.approved"));
        assertEquals(0, after.getLong("agencies.rejected"));
        assertEquals(List.of(), after.getList("agencies.suspensions"));
        assertEquals(List.of(), after.getList("agencies.revocations"));
        assertEquals(before.getLong("agencies.enrolledByType.FIRE") + 1, after.getLong("agencies.enrolledByType.FIRE"));
        assertEquals(before.getLong("agencies.enrolledByType.POLICE"), after.getLong("agencies.enrolledByType.POLICE"));
        assertEquals(before.getLong("agencies.byState.APPROVED") + 1, after.getLong("agencies.byState.APPROVED"));

        // Requests submitted in the period: two burglaries (the body's type), one published, one rejected.
        assertEquals(2, after.getLong("requests.byIncidentType.BURGLARY"));
        assertEquals(
                2,
                after.getMap("requests.byIncidentType").values().stream()
                        .mapToLong(v -> ((Number) v).longValue())
                        .sum());
        assertEquals(1, after.getLong("requests.byState.PUBLISHED"));
        assertEquals(1, after.getLong("requests.byState.REJECTED"));
        assertEquals(0, after.getLong("requests.byState.PENDING_REVIEW"));
        assertEquals(1, after.getLong("regular.submitted"));
        assertEquals(1, after.getLong("regular.published"));
        assertEquals(0, after.getLong("regular.rejected"));
        assertEquals(1, after.getLong("emergency.submitted"));
        assertEquals(0, after.getLong("emergency.published"));
        assertEquals(1, after.getLong("emergency.rejected"));
        double median = after.getDouble("emergency.medianSecondsToDecision");
        assertEquals(median, after.getDouble("emergency.maxSecondsToDecision"), 1e-9);
        assertTrue(median >= 0 && median <= emergencyDecisionAtMost.toMillis() / 1000.0 + 1, "median " + median);

        // Footage: the log holds exactly what the test did, and the report's owner figures are the log's counts
        // over whole days through the small-count rule.
        List<AuditFact> consent = PublicLog.facts("consent");
        List<AuditFact> mine = consent.stream()
                .filter(f -> f.string("request").filter(request::equals).isPresent()
                        || f.strings("clips").stream().anyMatch(hashes::contains)
                        || f.string("clip").filter(hashes::contains).isPresent())
                .toList();
        assertEquals(6, count(mine, AuditEventType.SHARE_CREATED));
        assertEquals(6, count(mine, AuditEventType.CLIP_DOWNLOADED));
        assertEquals(1, count(mine, AuditEventType.SHARE_REVOKED));
        assertEquals(kept, retentionDeletedIn(mine));
        Instant dayFrom = start.truncatedTo(ChronoUnit.DAYS);
        Instant dayTo = end.truncatedTo(ChronoUnit.DAYS).equals(end)
                ? end
                : end.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        assertEquals(dayFrom.toString(), after.getString("period.ownerFiguresFrom"));
        assertEquals(dayTo.toString(), after.getString("period.ownerFiguresTo"));
        assertEquals(
                expected(consent, dayFrom, dayTo, AuditEventType.SHARE_CREATED, true),
                longOrNull(after, "footage.clipsShared"));
        assertEquals(
                expected(consent, dayFrom, dayTo, AuditEventType.CLIP_DOWNLOADED, false),
                longOrNull(after, "footage.clipsDownloaded"));
        assertEquals(
                expected(consent, dayFrom, dayTo, AuditEventType.CLIP_DELETED, false),
                longOrNull(after, "footage.clipsDeletedAtRetention"));
        // At least this test's own: six shares of six owners, six downloads, six deletions at retention.
        assertTrue(after.getLong("footage.clipsShared") >= 5);
        assertTrue(after.getLong("footage.clipsDownloaded") >= 5);
        assertTrue(after.getLong("footage.clipsDeletedAtRetention") >= 5);
        // Answers (consent-service's, declines are in no public log): at least the seven asked and six shares here.
        assertTrue(after.getLong("footage.requestsAskedOfOwners") >= 5);
        assertNotNull(after.get("footage.shareRate"));

        // Every promise kept: no download without a valid share.
        assertEquals(0, after.getLong("downloadsNotBackedByAValidShare"));
        assertEquals(List.of(), after.getList("brokenPromises"));
        List<Map<String, Object>> logs = after.getList("logs");
        assertEquals(
                List.of("agency", "request", "consent"),
                logs.stream().map(l -> l.get("log")).toList());
        for (Map<String, Object> log : logs) {
            assertTrue(((Number) log.get("size")).longValue() > 0, "the " + log.get("log") + " log has entries");
            assertTrue(((String) log.get("checkpoint")).contains("\n\u2014 "), "the signed note is given: " + log);
        }

        // And the verifier, run against the live suite, agrees.
        Path state = Files.createTempFile("verifier-state", ".json");
        Files.delete(state);
        PublicLog.Run run = PublicLog.verify(state);
        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("RESULT: PASSED"), run.output());
        // A second run proves each log consistent with what the first one saw.
        PublicLog.Run again = PublicLog.verify(state);
        assertEquals(0, again.status(), again.output());
    }

    /** The report as JSON, through the gateway, anonymously; and its CSV says the same. */
    static JsonPath report(Map<String, String> period) {
        JsonPath json = Gateway.anonymous()
                .queryParams(period)
                .get("/api/public/transparency")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String csv = Gateway.anonymous()
                .queryParams(period)
                .header("Accept", "text/csv")
                .get("/api/public/transparency")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        assertTrue(csv.startsWith("section,name,detail,value\r\n"), csv);
        if (json.get("downloadsNotBackedByAValidShare") != null) {
            assertTrue(
                    csv.contains("\"promises\",\"downloadsNotBackedByAValidShare\",\"\",\""
                            + json.getLong("downloadsNotBackedByAValidShare") + "\""),
                    csv);
        }
        return json;
    }

    /** The small-count value of the log's entries of this type in the days, as the report must publish it. */
    static Long expected(List<AuditFact> consent, Instant from, Instant to, AuditEventType type, boolean clips) {
        long count = 0;
        Set<String> owners = new HashSet<>();
        for (AuditFact f : consent) {
            if (f.type() != type || f.at().isBefore(from) || !f.at().isBefore(to)) {
                continue;
            }
            if (type == AuditEventType.CLIP_DELETED
                    && !f.string("cause").filter("retention"::equals).isPresent()) {
                continue;
            }
            count += clips ? f.strings("clips").size() : 1;
            f.string("owner").ifPresent(owners::add);
        }
        return SmallCounts.publish(count, owners.size(), 0);
    }

    static long count(List<AuditFact> facts, AuditEventType type) {
        return facts.stream().filter(f -> f.type() == type).count();
    }

    static Set<String> retentionDeletedIn(List<AuditFact> facts) {
        Set<String> deleted = new HashSet<>();
        for (AuditFact f : facts) {
            if (f.type() == AuditEventType.CLIP_DELETED
                    && f.string("cause").filter("retention"::equals).isPresent()) {
                f.string("clip").ifPresent(deleted::add);
            }
        }
        return deleted;
    }

    static void awaitRetentionDeletions(Set<String> hashes, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        Set<String> seen = Set.of();
        while (Instant.now().isBefore(deadline)) {
            seen = retentionDeletedIn(PublicLog.facts("consent"));
            if (seen.containsAll(hashes)) {
                return;
            }
            Thread.sleep(500);
        }
        fail("deleted at retention " + seen + ", expected " + hashes);
    }

    static Long longOrNull(JsonPath json, String path) {
        Object value = json.get(path);
        return value == null ? null : ((Number) value).longValue();
    }
}
