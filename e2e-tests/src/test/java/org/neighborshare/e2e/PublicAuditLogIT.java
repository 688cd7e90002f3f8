package org.neighborshare.e2e;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Issue 12's public log through the gateway, as anyone reads it: a real decision (an agency application, then its approval)
 * grows the agency log, a checkpoint signed by the key {@code /api/public/logs} names covers it within 10 s, its inclusion
 * proof and the consistency proof between two checkpoints verify, and the tlog-tiles reproduce the signed root.
 */
@ExtendWith(RunningSuite.class)
class PublicAuditLogIT {

    static final String LOG = "/api/public/logs/agency";
    static final HexFormat HEX = HexFormat.of();

    @Test
    void aDecisionIsInASignedCheckpointWithinTenSecondsAndEveryProofVerifies() {
        JsonPath logs = Gateway.anonymous()
                .get("/api/public/logs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("agency", "request", "consent"), logs.getList("log"));
        Map<String, Object> agency = logs.getMap("find { it.log == 'agency' }");
        assertEquals("neighborshare.example/agency-service", agency.get("origin"));
        NoteVerifier verifier = NoteVerifier.of((String) agency.get("verifierKey"));

        String agencyId = Agencies.applyForSpringfield();
        Checkpoint first = grownCheckpoint(verifier, agencyId, "agency.applied");
        // A second decision on it: the vetting ticks and the approval.
        Agencies.vetAndApprove(agencyId);
        Checkpoint latest = grownCheckpoint(verifier, agencyId, "agency.approved");
        assertTrue(latest.size() > first.size());

        // The approval's entry, its inclusion proof by index and by leaf hash.
        long index = indexOf(agencyId, "agency.approved", latest.size());
        String leafHash = Gateway.anonymous()
                .get(LOG + "/entries/" + index)
                .then()
                .statusCode(200)
                .extract()
                .path("leafHash");
        for (String query : List.of("index=" + index, "leafHash=" + leafHash)) {
            List<String> proof = Gateway.anonymous()
                    .get(LOG + "/proof/inclusion?" + query + "&size=" + latest.size())
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("hashes");
            assertTrue(
                    MerkleTree.verifyInclusion(
                            index, latest.size(), HEX.parseHex(leafHash), hashes(proof), latest.rootHash()),
                    query);
        }

        // The log only grew between the two checkpoints.
        List<String> consistency = Gateway.anonymous()
                .get(LOG + "/proof/consistency?from=" + first.size() + "&to=" + latest.size())
                .then()
                .statusCode(200)
                .extract()
                .path("hashes");
        assertTrue(MerkleTree.verifyConsistency(
                first.size(), latest.size(), hashes(consistency), first.rootHash(), latest.rootHash()));

        // The tiles and entry bundles, as a tlog-tiles client fetches them, give the signed roots.
        List<byte[]> leaves = new ArrayList<>();
        for (long n = 0; n * 256 < latest.size(); n++) {
            long width = Math.min(256, latest.size() - n * 256);
            String name = tileIndex(n) + (width < 256 ? ".p/" + width : "");
            Response tile = Gateway.anonymous().get(LOG + "/tile/0/" + name);
            tile.then().statusCode(200).contentType("application/octet-stream");
            if (width == 256) {
                assertTrue(tile.header("Cache-Control").contains("immutable"), tile.header("Cache-Control"));
            }
            byte[] bytes = tile.asByteArray();
            assertEquals(width * 32, bytes.length);
            byte[] bundle = Gateway.anonymous()
                    .get(LOG + "/tile/entries/" + name)
                    .then()
                    .statusCode(200)
                    .contentType("application/octet-stream")
                    .extract()
                    .asByteArray();
            int at = 0;
            for (int i = 0; i < width; i++) {
                byte[] leaf = Arrays.copyOfRange(bytes, i * 32, i * 32 + 32);
                int length = ((bundle[at] & 0xff) << 8) | (bundle[at + 1] & 0xff);
                byte[] entry = Arrays.copyOfRange(bundle, at + 2, at + 2 + length);
                assertArrayEquals(MerkleTree.leafHash(entry), leaf, "entry " + (n * 256 + i));
                at += 2 + length;
                leaves.add(leaf);
            }
            assertEquals(bundle.length, at, "the bundle holds exactly the tile's entries");
        }
        assertArrayEquals(latest.rootHash(), MerkleTree.root(leaves));
        assertArrayEquals(first.rootHash(), MerkleTree.root(leaves.subList(0, (int) first.size())));

        // A bad parameter through the gateway is a problem naming it.
        Gateway.anonymous()
                .get(LOG + "/proof/inclusion?index=x")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("index"));
    }

    /** The latest checkpoint, verified, once it covers the {@code type} entry of {@code agencyId}: within 10 s. */
    static Checkpoint grownCheckpoint(NoteVerifier verifier, String agencyId, String type) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Response r = Gateway.anonymous().get(LOG + "/checkpoint");
            r.then().statusCode(200).contentType("text/plain");
            Checkpoint cp = Checkpoint.open(r.asByteArray(), verifier, "neighborshare.example/agency-service");
            if (cp.size() > 0 && indexOf(agencyId, type, cp.size()) >= 0) {
                return cp;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no checkpoint covers the " + type + " of " + agencyId + " within 10 s");
            }
            sleep();
        }
    }

    /** The index of the {@code type} entry of this agency among the first {@code size} entries, or -1. */
    static long indexOf(String agencyId, String type, long size) {
        for (long start = Math.max(0, size - 1000); start < size; start += 1000) {
            List<Map<String, Object>> page = Gateway.anonymous()
                    .get(LOG + "/entries?start=" + start + "&limit=1000")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("$");
            for (Map<String, Object> e : page) {
                long index = ((Number) e.get("index")).longValue();
                AuditFact fact = AuditFact.parse(Base64.getDecoder().decode((String) e.get("entry")));
                if (index < size
                        && fact.type().wireName().equals(type)
                        && fact.string("agency").orElse("").equals(agencyId)) {
                    return index;
                }
            }
        }
        return -1;
    }

    static String tileIndex(long n) {
        String digits = String.format("%03d", n % 1000);
        for (long rest = n / 1000; rest > 0; rest /= 1000) {
            digits = String.format("x%03d/", rest % 1000) + digits;
        }
        return digits;
    }

    static List<byte[]> hashes(List<String> hex) {
        return hex.stream().map(HEX::parseHex).toList();
    }

    static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
