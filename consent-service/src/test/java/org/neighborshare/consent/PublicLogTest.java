package org.neighborshare.consent;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neighborshare.consent.Api.answer;
import static org.neighborshare.consent.Api.newId;
import static org.neighborshare.consent.Api.owner;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neighborshare.consent.service.RetentionService;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.Commitments;
import org.neighborshare.shared.audit.MerkleTree;
import org.neighborshare.testsupport.AuditEntries;
import org.neighborshare.testsupport.PostgresResource;
import org.neighborshare.testsupport.Race;

/**
 * Every share, revocation, download and deletion appends exactly its fact to the public consent log with the
 * contract's attributes, and gives the owner a receipt (index and leaf hash); declines and refused calls append
 * nothing; no entry names the owner, their camera or its place.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PublicLogTest {

    final Neighbourhood here = new Neighbourhood(-70, -170);

    @Inject
    Commitments commitments;

    @Inject
    RetentionService retention;

    @BeforeEach
    @AfterEach
    void resetClock() {
        TestDoubles.CLOCK.reset();
    }

    @Test
    void shareDownloadAndRevocationAreLoggedAndTheOwnerHoldsReceipts() {
        UUID agency = UUID.randomUUID();
        String alice = newId();
        String bob = newId();
        String cam = here.camera(alice);
        here.camera(bob);
        UUID request = here.publish(agency);
        String c1 = here.clip(alice, cam);
        String c2 = here.clip(alice, cam);
        String h1 = sha(alice, c1);
        String h2 = sha(alice, c2);
        int start = AuditEntries.size();

        answer(bob, request, "{\"answer\":\"DECLINE\"}", 200); // never logged
        JsonPath share = answer(alice, request, Api.shareBody(c1, c2), 201).jsonPath();
        String shareId = share.getString("share.id");
        String investigator = newId();
        given().header("Authorization", Api.investigator(agency, investigator))
                .get(Api.clipsPath(agency, request) + "/" + c1 + "/content")
                .then()
                .statusCode(200);
        given().header("Authorization", owner(alice))
                .delete("/api/me/shares/" + shareId)
                .then()
                .statusCode(200);
        given().header("Authorization", owner(alice)) // revoking again changes nothing, logs nothing
                .delete("/api/me/shares/" + shareId)
                .then()
                .statusCode(200);
        assertEquals(404, Api.download(agency, request, c2)); // refused: nothing logged

        List<AuditFact> facts = AuditEntries.since(start).stream()
                .filter(f -> f.string("request").orElse("").equals(request.toString()))
                .toList();
        assertEquals(
                List.of("share.created", "clip.downloaded", "share.revoked"),
                facts.stream().map(f -> f.type().wireName()).toList());
        String ownerCommitment = commitments.owner(alice, request.toString());
        List<String> clips = List.of(h1, h2).stream().sorted().toList();
        Map<String, Object> shareAttributes = Map.of(
                "share", shareId,
                "request", request.toString(),
                "agency", agency.toString(),
                "clips", clips,
                "owner", ownerCommitment);
        Map<String, Object> created = new java.util.HashMap<>(shareAttributes);
        created.put("retentionEnds", share.getString("share.expiresAt"));
        assertEquals(created, facts.get(0).attributes());
        assertEquals(shareAttributes, facts.get(2).attributes());
        assertEquals(
                Set.of("share", "request", "agency", "clip", "downloader", "owner"),
                facts.get(1).attributes().keySet());
        assertEquals(h1, facts.get(1).string("clip").orElseThrow());
        assertEquals(ownerCommitment, facts.get(1).string("owner").orElseThrow());

        // The owner opens the downloader's commitment from the access log, and so can the agency.
        JsonPath log = given().header("Authorization", owner(alice))
                .get("/api/me/access-log")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> download = log.getMap("find { it.clipId == '" + c1 + "' && it.action == 'DOWNLOAD' }");
        String downloader = facts.get(1).string("downloader").orElseThrow();
        assertEquals(downloader, download.get("downloader"));
        assertEquals(downloader, Commitments.salted((String) download.get("downloaderSalt"), investigator));
        assertEquals(leafHash(facts.get(1)), download.get("leafHash"));
        assertEquals("consent", download.get("log"));
        assertEquals(
                "/api/public/logs/consent/proof/inclusion?leafHash=" + leafHash(facts.get(1)), download.get("proof"));
        String agencySalt = given().header("Authorization", Api.investigator(agency))
                .get(Api.clipsPath(agency, request) + "/downloads")
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.downloader == '" + downloader + "' }.downloaderSalt");
        assertEquals(downloader, Commitments.salted(agencySalt, investigator));

        // One receipt per entry, each naming where its fact sits.
        List<Map<String, Object>> receipts = given().header("Authorization", owner(alice))
                .get("/api/me/receipts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertEquals(
                List.of("share.revoked", "clip.downloaded", "share.created"),
                receipts.stream().map(r -> r.get("type")).toList());
        for (Map<String, Object> r : receipts) {
            int index = ((Number) r.get("index")).intValue();
            AuditFact fact = AuditEntries.since(index).get(0);
            assertEquals(r.get("type"), fact.type().wireName());
            assertEquals(leafHash(fact), r.get("leafHash"));
        }
        given().header("Authorization", owner(bob))
                .get("/api/me/receipts")
                .then()
                .statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));

        noOwnerIn(facts, alice, bob, cam);
    }

    @Test
    void tenRacingIdenticalSharesLogOneShare() {
        UUID agency = UUID.randomUUID();
        String alice = newId();
        String cam = here.camera(alice);
        UUID request = here.publish(agency);
        String c = here.clip(alice, cam);
        int start = AuditEntries.size();
        List<Integer> statuses = Race.race(
                10,
                i -> given().header("Authorization", owner(alice))
                        .contentType("application/json")
                        .body(Api.shareBody(c))
                        .post("/api/me/inbox/" + request + "/response")
                        .statusCode());
        assertEquals(1, Race.count(statuses, 201), statuses.toString());
        assertEquals(
                1,
                AuditEntries.since(start).stream()
                        .filter(f -> f.string("request").orElse("").equals(request.toString()))
                        .count());
    }

    @Test
    void everyDeletionIsLoggedWithItsCauseOnceEvenWhenRunsRace() {
        UUID agency = UUID.randomUUID();
        String alice = newId();
        String cam = here.camera(alice);
        UUID request = here.publish(agency);
        String neverShared = here.clip(alice, cam);
        String revokedUnseen = here.clip(alice, cam);
        String downloaded = here.clip(alice, cam);
        String revokedShare =
                answer(alice, request, Api.shareBody(revokedUnseen), 201).path("share.id");
        given().header("Authorization", owner(alice))
                .delete("/api/me/shares/" + revokedShare)
                .then()
                .statusCode(200);
        JsonPath kept = answer(
                        alice,
                        request,
                        "{\"answer\":\"SHARE\",\"clipIds\":[\"" + downloaded + "\"],\"retentionDays\":2}",
                        201)
                .jsonPath();
        assertEquals(200, Api.download(agency, request, downloaded));
        Map<String, String> hashes = Map.of(
                neverShared, sha(alice, neverShared),
                revokedUnseen, sha(alice, revokedUnseen),
                downloaded, sha(alice, downloaded));
        int start = AuditEntries.size();

        TestDoubles.CLOCK.advance(Duration.ofHours(23)); // not yet: kept for 24 hours
        retention.expireDue();
        assertEquals(List.of(), deletionsOf(hashes.values(), start));

        TestDoubles.CLOCK.advance(Duration.ofDays(3)); // past 24 h and past the 2-day retention
        Race.race(10, i -> retention.expireDue());
        List<AuditFact> deleted = deletionsOf(hashes.values(), start);
        assertEquals(3, deleted.size(), "each clip deleted and logged once: " + deleted);
        AuditFact unshared = only(deleted, hashes.get(neverShared));
        assertEquals(
                Map.of(
                        "clip", hashes.get(neverShared),
                        "cause", "unshared",
                        "owner", commitments.owner(alice, hashes.get(neverShared))),
                unshared.attributes());
        AuditFact revoked = only(deleted, hashes.get(revokedUnseen));
        assertEquals(
                Set.of("clip", "cause", "owner", "share", "request", "retentionEnds"),
                revoked.attributes().keySet());
        assertEquals("revoked", revoked.string("cause").orElseThrow());
        assertEquals(revokedShare, revoked.string("share").orElseThrow());
        assertEquals(
                commitments.owner(alice, request.toString()),
                revoked.string("owner").orElseThrow());
        AuditFact atRetention = only(deleted, hashes.get(downloaded));
        assertEquals("retention", atRetention.string("cause").orElseThrow());
        assertEquals(
                kept.getString("share.expiresAt"),
                atRetention.string("retentionEnds").orElseThrow());
        assertEquals(request.toString(), atRetention.string("request").orElseThrow());

        // The owner's deletion receipts point at those entries.
        List<Map<String, Object>> receipts = given().header("Authorization", owner(alice))
                .get("/api/me/deletion-receipts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertEquals(3, receipts.size(), receipts.toString());
        assertEquals(
                Set.of("NEVER_SHARED", "SHARE_REVOKED", "RETENTION_ENDED"),
                Set.copyOf(receipts.stream().map(r -> r.get("reason")).toList()));
        for (Map<String, Object> r : receipts) {
            AuditFact fact =
                    AuditEntries.since(((Number) r.get("index")).intValue()).get(0);
            assertEquals(leafHash(fact), r.get("leafHash"));
            assertEquals(r.get("sha256"), fact.string("clip").orElseThrow());
        }
        noOwnerIn(deleted, alice, cam);
    }

    private static List<AuditFact> deletionsOf(java.util.Collection<String> hashes, int start) {
        return AuditEntries.since(start).stream()
                .filter(f -> f.type().wireName().equals("clip.deleted"))
                .filter(f -> hashes.contains(f.string("clip").orElse("")))
                .toList();
    }

    private static AuditFact only(List<AuditFact> facts, String hash) {
        List<AuditFact> of = facts.stream()
                .filter(f -> f.string("clip").orElseThrow().equals(hash))
                .toList();
        assertEquals(1, of.size(), of.toString());
        return of.get(0);
    }

    private static String sha(String ownerId, String clipId) {
        return given().header("Authorization", owner(ownerId))
                .get("/api/me/clips/" + clipId)
                .then()
                .statusCode(200)
                .extract()
                .path("sha256");
    }

    private static String leafHash(AuditFact fact) {
        return HexFormat.of().formatHex(MerkleTree.leafHash(fact.toEntry()));
    }

    private void noOwnerIn(List<AuditFact> facts, String... secrets) {
        for (AuditFact f : facts) {
            String entry = f.toString();
            for (String s : secrets) {
                assertFalse(entry.contains(s), entry + " names " + s);
            }
            assertFalse(entry.contains("Neighbor"), entry + " holds a pseudonym");
            assertFalse(entry.contains(String.format(java.util.Locale.ROOT, "%.3f", here.lat)), entry);
            assertTrue(!entry.contains("DECLINE"), entry);
        }
    }
}
