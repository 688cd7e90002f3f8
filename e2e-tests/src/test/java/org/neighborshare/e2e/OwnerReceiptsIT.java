package org.neighborshare.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.Checkpoint;
import org.neighborshare.shared.audit.MerkleTree;
import org.neighborshare.shared.audit.NoteVerifier;

/**
 * Issue 12, owner receipts, end to end through the gateway: an owner shares, the agency downloads, the owner
 * revokes, and (the suite's clocks moved past 24 hours) the clip no share needs any more is deleted. The owner's
 * receipts name each entry of the public consent log, and each one's inclusion proof, fetched by anyone with
 * nothing but the leaf hash, verifies against the signed checkpoint; the entries name the owner only by commitment.
 */
@ExtendWith(RunningSuite.class)
class OwnerReceiptsIT {

    static final String LOG = "/api/public/logs/consent";
    static final String ORIGIN = "neighborshare.example/consent-service";
    static final HexFormat HEX = HexFormat.of();

    @Test
    void everyShareDownloadRevocationAndDeletionGivesTheOwnerAReceiptWhoseProofVerifies() {
        String camera = Clips.registerCamera(
                DemoData.ALICE, "Receipts porch", SharingScenario.CAMERA_LAT, SharingScenario.CAMERA_LON);
        String request = Requests.postAndPublishAt(
                Clips.uniqueCase("RECEIPTS"), SharingScenario.CAMERA_LAT, SharingScenario.CAMERA_LON);
        Requests.awaitInbox(DemoData.ALICE, ids -> ids.contains(request), Duration.ofSeconds(20));
        Instant recordedAt = Clips.inWindowOf(DemoData.ALICE, Duration.ofMinutes(5), request);
        byte[] bytes = Clips.video(64_007);
        String clip = Clips.upload(DemoData.ALICE, camera, recordedAt, bytes);
        String sha = Clips.sha256(bytes);

        String share = Clips.share(DemoData.ALICE, request, clip).path("share.id");
        Clips.download(request, clip).then().statusCode(200);
        Gateway.as(DemoData.ALICE).delete("/api/me/shares/" + share).then().statusCode(200);

        List<Map<String, Object>> receipts = receiptsFor(request, 3, Duration.ofSeconds(5));
        assertEquals(
                List.of("share.revoked", "clip.downloaded", "share.created"),
                receipts.stream().map(r -> r.get("type")).toList());
        NoteVerifier verifier = verifier();
        for (Map<String, Object> r : receipts) {
            AuditFact fact = verifyIncluded(verifier, r);
            assertEquals(request, fact.string("request").orElseThrow());
            assertEquals(share, fact.string("share").orElseThrow());
        }

        // The access log ties the download to its receipt, and the owner opens the downloader's commitment.
        JsonPath access = Gateway.as(DemoData.ALICE)
                .get("/api/me/access-log")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> download = access.getMap("find { it.clipId == '" + clip + "' && it.action == 'DOWNLOAD' }");
        assertEquals(receipts.get(1).get("leafHash"), download.get("leafHash"));
        assertEquals(Clips.subject(DemoData.INVESTIGATOR), download.get("accessorId"));

        // The downloaded clip stays until its share's retention ends. A second clip, shared and revoked before any
        // download, belongs to no share any more: it is deleted 24 hours after the revocation.
        byte[] unseenBytes = Clips.video(48_011);
        String unseen = Clips.upload(DemoData.ALICE, camera, recordedAt.plusSeconds(30), unseenBytes);
        String unseenShare = Clips.share(DemoData.ALICE, request, unseen).path("share.id");
        Gateway.as(DemoData.ALICE)
                .delete("/api/me/shares/" + unseenShare)
                .then()
                .statusCode(200);
        TestClock.advance(Duration.ofHours(25));
        assertTrue(TestClock.now("consent-service").isAfter(Instant.now().plus(Duration.ofHours(24))));

        Map<String, Object> deletion = awaitReceipt(
                r -> "clip.deleted".equals(r.get("type")) && unseen.equals(r.get("clipId")), Duration.ofSeconds(20));
        AuditFact deleted = verifyIncluded(verifier, deletion);
        assertEquals("revoked", deleted.string("cause").orElseThrow());
        assertEquals(Clips.sha256(unseenBytes), deleted.string("clip").orElseThrow());
        assertEquals(unseenShare, deleted.string("share").orElseThrow());
        Gateway.as(DemoData.ALICE)
                .get("/api/me/deletion-receipts")
                .then()
                .statusCode(200)
                .body("find { it.clipId == '" + unseen + "' }.reason", org.hamcrest.Matchers.equalTo("SHARE_REVOKED"))
                .body(
                        "find { it.clipId == '" + unseen + "' }.leafHash",
                        org.hamcrest.Matchers.equalTo(deletion.get("leafHash")));
        // The downloaded clip is kept: it is not the owner's to recall from the agency, and its retention runs.
        assertFalse(receiptsFor(request, 0, Duration.ZERO).stream()
                .anyMatch(r -> "clip.deleted".equals(r.get("type")) && clip.equals(r.get("clipId"))));
        assertEquals(sha, Clips.sha256(bytes));
    }

    /**
     * Checks the receipt as a member of the public would, knowing only its leaf hash: the entry is in a checkpoint
     * signed by the log's key, its inclusion proof verifies against that root, and it names no owner.
     */
    static AuditFact verifyIncluded(NoteVerifier verifier, Map<String, Object> receipt) {
        long index = ((Number) receipt.get("index")).longValue();
        String leafHash = (String) receipt.get("leafHash");
        Checkpoint checkpoint = checkpointCovering(verifier, index);
        JsonPath proof = Gateway.anonymous()
                .get(receipt.get("proof") + "&size=" + checkpoint.size())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(index, proof.getLong("index"), "the leaf hash finds the receipt's entry");
        List<byte[]> hashes = proof.getList("hashes", String.class).stream()
                .map(HEX::parseHex)
                .toList();
        assertTrue(
                MerkleTree.verifyInclusion(
                        index, checkpoint.size(), HEX.parseHex(leafHash), hashes, checkpoint.rootHash()),
                "inclusion of " + receipt);
        byte[] entry = Base64.getDecoder()
                .decode(Gateway.anonymous()
                        .get(LOG + "/entries/" + index)
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("entry"));
        assertEquals(leafHash, HEX.formatHex(MerkleTree.leafHash(entry)));
        AuditFact fact = AuditFact.parse(entry);
        assertEquals(receipt.get("type"), fact.type().wireName());
        String text = fact.toString();
        for (String secret : List.of(Clips.subject(DemoData.ALICE), "alice", "Receipts porch", "45.52", "-122.66")) {
            assertFalse(text.contains(secret), text + " holds " + secret);
        }
        return fact;
    }

    /** The latest signed checkpoint once it covers {@code index} (the log publishes within 10 s). */
    static Checkpoint checkpointCovering(NoteVerifier verifier, long index) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            Response r = Gateway.anonymous().get(LOG + "/checkpoint");
            r.then().statusCode(200);
            Checkpoint cp = Checkpoint.open(r.asByteArray(), verifier, ORIGIN);
            if (cp.size() > index) {
                return cp;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no checkpoint covers entry " + index + " within 15 s");
            }
            pause();
        }
    }

    static NoteVerifier verifier() {
        String key = Gateway.anonymous()
                .get("/api/public/logs")
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.log == 'consent' }.verifierKey");
        return NoteVerifier.of(key);
    }

    static List<Map<String, Object>> receiptsFor(String request, int atLeast, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            List<Map<String, Object>> mine = Gateway.as(DemoData.ALICE)
                    .get("/api/me/receipts")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .<Map<String, Object>>getList("")
                    .stream()
                    .filter(r -> request.equals(r.get("requestId")))
                    .toList();
            if (mine.size() >= atLeast || System.nanoTime() > deadline) {
                return mine;
            }
            pause();
        }
    }

    static Map<String, Object> awaitReceipt(java.util.function.Predicate<Map<String, Object>> which, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            List<Map<String, Object>> all = Gateway.as(DemoData.ALICE)
                    .get("/api/me/receipts")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("");
            for (Map<String, Object> r : all) {
                if (which.test(r)) {
                    return r;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such receipt within " + within + ": " + all);
            }
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
