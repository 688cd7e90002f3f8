package org.neighborshare.agency.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neighborshare.shared.audit.AuditEventType;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.Checkpoint;
import org.neighborshare.shared.audit.MerkleTree;
import org.neighborshare.shared.audit.NoteVerifier;
import org.neighborshare.shared.audit.service.CheckpointPublisher;
import org.neighborshare.shared.audit.service.PostgresAuditLog;
import org.neighborshare.testsupport.PostgresResource;
import org.neighborshare.testsupport.TestTokens;

/**
 * The public log endpoints as the gateway forwards them (an anonymous internal token): checkpoint, tiles and entry
 * bundles that reproduce the signed root, entries, proofs that verify, and a problem naming the field for every bad
 * parameter.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PublicLogEndpointsTest {

    static final String BASE = "/api/public/logs/agency";
    static final HexFormat HEX = HexFormat.of();

    @Inject
    PostgresAuditLog log; // the real log: the service tests replace AuditLog with a recording one

    @Inject
    CheckpointPublisher publisher;

    static RequestSpecification api() {
        return given().header(
                        "Authorization", TestTokens.forService("agency-service").bearer());
    }

    /** At least 300 entries (one full tile and a partial one) and a checkpoint of them all. */
    @BeforeEach
    void grow() {
        int have = api().get(BASE).then().statusCode(200).extract().path("size");
        for (int i = have; i < 300; i++) {
            QuarkusTransaction.requiringNew()
                    .run(() -> log.append(AuditFact.of(AuditEventType.AGENCY_APPLIED, Instant.now())
                            .with("agency", UUID.randomUUID().toString())));
        }
        publisher.publishIfGrown();
    }

    Checkpoint checkpoint() {
        String vkey = api().get(BASE).then().statusCode(200).extract().path("verifierKey");
        Response r = api().get(BASE + "/checkpoint");
        r.then().statusCode(200).contentType("text/plain").header("Cache-Control", "no-cache");
        assertTrue(
                r.contentType().contains("charset=utf-8") || r.contentType().contains("charset=UTF-8"),
                r.contentType());
        return Checkpoint.open(r.asByteArray(), NoteVerifier.of(vkey), "neighborshare.example/agency-service");
    }

    @Test
    void theTilesAndEntryBundlesReproduceTheSignedRoot() {
        Checkpoint cp = checkpoint();
        long size = cp.size();
        assertTrue(size >= 300);
        List<byte[]> leaves = new ArrayList<>();
        List<byte[]> entries = new ArrayList<>();
        for (long n = 0; n * 256 < size; n++) {
            long width = Math.min(256, size - n * 256);
            String name = String.format("%03d", n) + (width < 256 ? ".p/" + width : "");
            Response tile = api().get(BASE + "/tile/0/" + name);
            tile.then().statusCode(200).contentType("application/octet-stream");
            assertEquals(
                    width < 256 ? "public, max-age=3600" : "public, max-age=31536000, immutable",
                    tile.header("Cache-Control"));
            byte[] hashes = tile.asByteArray();
            assertEquals(width * 32, hashes.length);
            for (int i = 0; i < width; i++) {
                leaves.add(Arrays.copyOfRange(hashes, i * 32, i * 32 + 32));
            }
            byte[] bundle = api().get(BASE + "/tile/entries/" + name)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            for (int at = 0; at < bundle.length; ) {
                int length = ((bundle[at] & 0xff) << 8) | (bundle[at + 1] & 0xff);
                entries.add(Arrays.copyOfRange(bundle, at + 2, at + 2 + length));
                at += 2 + length;
            }
        }
        assertEquals(size, leaves.size());
        assertEquals(size, entries.size());
        for (int i = 0; i < size; i++) {
            assertArrayEquals(MerkleTree.leafHash(entries.get(i)), leaves.get(i), "entry " + i);
        }
        assertArrayEquals(cp.rootHash(), MerkleTree.root(leaves));
        // The level-1 tile holds the hash of the full level-0 tile; only a partial one exists at this size.
        byte[] level1 = api().get(BASE + "/tile/1/000.p/1")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertArrayEquals(MerkleTree.root(leaves.subList(0, 256)), level1);
        api().get(BASE + "/tile/1/000").then().statusCode(404);
        api().get(BASE + "/tile/0/x001/000").then().statusCode(404);
    }

    @Test
    void entriesAndProofsVerifyAgainstTheCheckpoint() {
        Checkpoint cp = checkpoint();
        long size = cp.size();
        long index = size / 3;
        String leafHash = api().get(BASE + "/entries/" + index)
                .then()
                .statusCode(200)
                .body("index", equalTo((int) index))
                .extract()
                .path("leafHash");
        String entry = api().get(BASE + "/entries/" + index).then().extract().path("entry");
        assertArrayEquals(MerkleTree.leafHash(Base64.getDecoder().decode(entry)), HEX.parseHex(leafHash));
        AuditFact.parse(Base64.getDecoder().decode(entry));

        List<String> page = api().get(BASE + "/entries?start=" + index + "&limit=3")
                .then()
                .statusCode(200)
                .extract()
                .path("leafHash");
        assertEquals(3, page.size());
        assertEquals(leafHash, page.get(0));

        for (String query : List.of("index=" + index, "leafHash=" + leafHash)) {
            Response r = api().get(BASE + "/proof/inclusion?" + query);
            r.then().statusCode(200).body("index", equalTo((int) index)).body("size", equalTo((int) size));
            List<byte[]> proof = hashes(r.path("hashes"));
            assertTrue(MerkleTree.verifyInclusion(index, size, HEX.parseHex(leafHash), proof, cp.rootHash()), query);
        }
        long from = 7;
        Response c = api().get(BASE + "/proof/consistency?from=" + from + "&to=" + size);
        c.then().statusCode(200).body("from", equalTo((int) from)).body("to", equalTo((int) size));
        byte[] oldRoot = rootFromTile(from);
        assertTrue(MerkleTree.verifyConsistency(from, size, hashes(c.path("hashes")), oldRoot, cp.rootHash()));
    }

    byte[] rootFromTile(long size) {
        byte[] hashes =
                api().get(BASE + "/tile/0/000").then().statusCode(200).extract().asByteArray();
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            leaves.add(Arrays.copyOfRange(hashes, i * 32, i * 32 + 32));
        }
        return MerkleTree.root(leaves);
    }

    static List<byte[]> hashes(List<String> hex) {
        return hex.stream().map(HEX::parseHex).toList();
    }

    @Test
    void everyBadParameterIsAProblemNamingIt() {
        String huge = "9".repeat(30);
        List<String[]> cases = List.of(
                new String[] {"/entries/abc", "400", "index"},
                new String[] {"/entries/-1", "400", "index"},
                new String[] {"/entries/01", "400", "index"},
                new String[] {"/entries/" + huge, "400", "index"},
                new String[] {"/entries?limit=1001", "400", "limit"},
                new String[] {"/entries?limit=0", "400", "limit"},
                new String[] {"/entries?start=x", "400", "start"},
                new String[] {"/proof/inclusion", "400", "index"},
                new String[] {"/proof/inclusion?index=1&leafHash=" + "0".repeat(64), "400", "leafHash"},
                new String[] {"/proof/inclusion?leafHash=XYZ", "400", "leafHash"},
                new String[] {"/proof/inclusion?index=1&size=0", "400", "size"},
                new String[] {"/proof/inclusion?index=1&size=" + huge, "400", "size"},
                new String[] {"/proof/inclusion?index=100000000&size=2", "422", "index"},
                new String[] {"/proof/inclusion?index=1&size=100000000", "422", "size"},
                new String[] {"/proof/consistency?to=5", "400", "from"},
                new String[] {"/proof/consistency?from=0&to=5", "400", "from"},
                new String[] {"/proof/consistency?from=6&to=5", "422", "from"},
                new String[] {"/proof/consistency?from=1&to=100000000", "422", "to"},
                new String[] {"/tile/00/000", "400", "L"},
                new String[] {"/tile/64/000", "400", "L"},
                new String[] {"/tile/0/1", "400", "N"},
                new String[] {"/tile/0/x000/001", "400", "N"},
                new String[] {"/tile/0/001/000", "400", "N"},
                new String[] {"/tile/0/000.p/0", "400", "W"},
                new String[] {"/tile/0/000.p/256", "400", "W"},
                new String[] {"/tile/0/000.p/07", "400", "W"},
                new String[] {"/tile/entries/abc", "400", "N"});
        for (String[] c : cases) {
            api().get(BASE + c[0])
                    .then()
                    .statusCode(Integer.parseInt(c[1]))
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(c[2]));
        }
        api().get("/api/public/logs/consent/checkpoint").then().statusCode(404).contentType("application/problem+json");
        api().get(BASE + "/entries/100000000").then().statusCode(404).contentType("application/problem+json");
        api().get(BASE + "/proof/inclusion?leafHash=" + "0".repeat(64))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        api().get(BASE + "/tile/7/x999/999").then().statusCode(404);
    }

    @Test
    void theLogIsNamedWithItsOriginAndVerifierKey() {
        api().get(BASE)
                .then()
                .statusCode(200)
                .body("log", equalTo("agency"))
                .body("origin", equalTo("neighborshare.example/agency-service"));
        String vkey = api().get(BASE).then().extract().path("verifierKey");
        assertTrue(vkey.startsWith("neighborshare.example/agency-service+"), vkey);
        assertEquals(vkey, publisher.verifierKey().toVkey());
        assertTrue(new String(api().get(BASE + "/checkpoint").asByteArray(), StandardCharsets.UTF_8)
                .startsWith("neighborshare.example/agency-service\n"));
    }
}
