package org.neighborshare.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Invariant I1 through the running stack: an agency gets exactly the clips an owner shared for that request,
 * while the share is valid, and nothing else by any path the gateway offers; the owner sees every access.
 * The starting state is {@link SharingScenario}.
 */
@ExtendWith(RunningSuite.class)
class ClipSharingIT {

    static SharingScenario s;

    @BeforeAll
    static void scenario() {
        s = SharingScenario.get();
    }

    @Test
    void investigatorListsAndDownloadsExactlyTheSharedClipWithItsBytesAndHash() {
        String sha = Clips.sha256(s.a1Bytes);
        Clips.listed(s.r1)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].clipId", equalTo(s.a1))
                .body("[0].neighbor", equalTo("Neighbor 1"))
                .body("[0].sha256", equalTo(sha))
                .body("[0].size", equalTo(s.a1Bytes.length))
                .body("[0].contentType", equalTo(Clips.MP4))
                .body("[0].allowCopies", equalTo(false))
                .body("[0].shareExpiresAt", notNullValue());

        Response download = Clips.download(s.r1, s.a1);
        download.then()
                .statusCode(200)
                .header("Content-Type", startsWith(Clips.MP4))
                .header("Content-Length", String.valueOf(s.a1Bytes.length))
                .header("X-Content-SHA256", sha)
                .header("Content-Disposition", startsWith("attachment"));
        byte[] bytes = download.asByteArray();
        assertArrayEquals(s.a1Bytes, bytes, "the agency receives exactly the bytes the owner uploaded");
        assertEquals(sha, Clips.sha256(bytes));
    }

    @Test
    void clipsNotSharedForTheRequestCannotBeListedOrDownloadedByIdGuessing() {
        assertEquals(List.of(s.a1), Clips.listedIds(s.r1), "R1 lists only what was shared for R1");
        assertFalse(Clips.listedIds(s.r2).contains(s.a1), "A1 was shared for R1, not R2");
        int accessesBefore = Clips.accessesTo(DemoData.ALICE, s.a1) + Clips.accessesTo(DemoData.ALICE, s.a2);

        Map<String, String> notForR1 = Map.of(
                s.a2,
                "uploaded by Alice, never shared",
                s.a3,
                "Alice's clip shared for R2 only",
                s.b1,
                "Bob's clip shared for R2 only",
                s.b2,
                "Bob's clip, never shared",
                UUID.randomUUID().toString(),
                "no such clip");
        notForR1.forEach((clip, why) -> assertEquals(
                404, Clips.download(s.r1, clip).statusCode(), "downloading " + clip + " for R1 (" + why + ")"));
        for (String clip : List.of(s.a1, s.a2, s.b2)) {
            assertEquals(404, Clips.download(s.r2, clip).statusCode(), "downloading " + clip + " for R2");
        }
        // Nothing in the answer tells an unshared clip from one that does not exist.
        String unshared = Clips.download(s.r1, s.a2)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .asString()
                .replace(s.a2, "ID");
        String random = UUID.randomUUID().toString();
        String missing = Clips.download(s.r1, random)
                .then()
                .statusCode(404)
                .extract()
                .asString()
                .replace(random, "ID");
        assertEquals(missing, unshared);

        // A request that is not Riverton's (or does not exist) gives nothing either.
        Gateway.as(DemoData.INVESTIGATOR)
                .get(Clips.clipsPath(UUID.randomUUID().toString()))
                .then()
                .statusCode(404);
        assertEquals(404, Clips.download(UUID.randomUUID().toString(), s.a1).statusCode());

        // Refused attempts are not accesses: nothing was logged for them.
        assertEquals(accessesBefore, Clips.accessesTo(DemoData.ALICE, s.a1) + Clips.accessesTo(DemoData.ALICE, s.a2));
    }

    @Test
    void noOneButTheAgencysInvestigatorReachesSharedClips() {
        String list = Clips.clipsPath(s.r1);
        String content = Clips.contentPath(s.r1, s.a1);
        // The agency's own admin is not an investigator; reviewers moderate but never see footage; the owner of
        // the clip, and any other owner, have no agency route.
        for (String user : List.of(
                DemoData.AGENCY_ADMIN,
                DemoData.REVIEWER_1,
                DemoData.REVIEWER_2,
                DemoData.ALICE,
                DemoData.BOB,
                DemoData.APPLICANT)) {
            Gateway.as(user).get(list).then().statusCode(403).contentType("application/problem+json");
            Gateway.as(user).get(content).then().statusCode(403).contentType("application/problem+json");
        }
        Gateway.anonymous().get(content).then().statusCode(401);
        // The investigator holds the realm's owner role too: the owner routes give him nothing of Alice's.
        Gateway.as(DemoData.INVESTIGATOR).get("/api/me/clips/" + s.a1).then().statusCode(404);
        assertFalse(Clips.ownClipIds(DemoData.INVESTIGATOR).contains(s.a1));
        Gateway.as(DemoData.INVESTIGATOR)
                .delete("/api/me/shares/" + s.a1Share)
                .then()
                .statusCode(404);
        Gateway.as(DemoData.INVESTIGATOR)
                .get("/api/me/access-log")
                .then()
                .statusCode(200)
                .body("clipId", not(hasItem(s.a1)));
        // The route is read-only: no method sneaks a clip out or a share in.
        for (String method : List.of("POST", "PUT", "DELETE")) {
            int status =
                    Gateway.as(DemoData.INVESTIGATOR).request(method, content).statusCode();
            assertTrue(status == 404 || status == 405, method + " " + content + " answered " + status);
        }
    }

    @Test
    void everyDownloadIsInTheOwnersAccessLogWithWhoWhenAndHash() {
        int before = Clips.accessesTo(DemoData.ALICE, s.a1);
        Instant from = Instant.now().minusSeconds(5);
        Clips.download(s.r1, s.a1).then().statusCode(200);
        Instant to = Instant.now().plusSeconds(5);

        JsonPath log = Gateway.as(DemoData.ALICE)
                .get("/api/me/access-log")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> entries = log.getList("findAll { it.clipId == '" + s.a1 + "' }");
        assertEquals(before + 1, entries.size(), "one entry per download: " + entries);
        Map<String, Object> newest = entries.get(0); // newest first
        assertEquals("DOWNLOAD", newest.get("action"));
        assertEquals(s.r1, newest.get("requestId"));
        assertEquals(DemoData.RIVERTON, newest.get("agencyId"));
        assertEquals(s.investigatorSub, newest.get("accessorId"), "who: the investigator's identity");
        assertEquals(Clips.sha256(s.a1Bytes), newest.get("sha256"));
        Instant at = Instant.parse((String) newest.get("at"));
        assertTrue(!at.isBefore(from) && !at.isAfter(to), "when: " + at);

        // Clips that never reached an agency have no access; Bob's log has nothing of Alice's.
        assertEquals(0, Clips.accessesTo(DemoData.ALICE, s.a2));
        assertEquals(0, Clips.accessesTo(DemoData.BOB, s.a1));
        // The owner's share records the first download.
        Gateway.as(DemoData.ALICE)
                .get("/api/me/shares")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + s.a1Share + "' }.firstDownloadAt", notNullValue())
                .body("find { it.id == '" + s.a1Share + "' }.status", equalTo("ACTIVE"));
    }

    @Test
    void revokedShareDisappearsFromTheListAndItsClipCanNoLongerBeDownloaded() {
        byte[] bytes = Clips.video(64_007);
        String clip = Clips.upload(DemoData.ALICE, s.aliceCamera, s.recordedAt.plusSeconds(300), bytes);
        var answer = Clips.share(DemoData.ALICE, s.r1, clip);
        String share = answer.path("share.id");
        assertEquals("Neighbor 1", answer.path("share.neighbor"), "a second share keeps the owner's pseudonym");
        assertEquals(List.of(s.a1, clip), Clips.listedIds(s.r1));
        Clips.download(s.r1, clip).then().statusCode(200).header("X-Content-SHA256", Clips.sha256(bytes));

        Gateway.as(DemoData.ALICE)
                .delete("/api/me/shares/" + share)
                .then()
                .statusCode(200)
                .body("shareId", equalTo(share))
                .body("revokedAt", notNullValue())
                .body("agencyHadDownloaded", equalTo(true));

        assertEquals(List.of(s.a1), Clips.listedIds(s.r1), "the revoked share's clip is no longer listed");
        Clips.download(s.r1, clip).then().statusCode(404).contentType("application/problem+json");
        Clips.download(s.r1, s.a1).then().statusCode(200); // Alice's other share for R1 is untouched
        Gateway.as(DemoData.ALICE)
                .get("/api/me/shares")
                .then()
                .body("find { it.id == '" + share + "' }.status", equalTo("REVOKED"));
        // The access log keeps the one download that happened, not the refused one.
        assertEquals(1, Clips.accessesTo(DemoData.ALICE, clip));
    }

    @Test
    void shareRevokedBeforeAnyDownloadNeverReachesTheAgency() {
        String clip = Clips.upload(DemoData.ALICE, s.aliceCamera, s.recordedAt.plusSeconds(360), Clips.video(33_331));
        String share = Clips.share(DemoData.ALICE, s.r1, clip).path("share.id");
        Gateway.as(DemoData.ALICE)
                .delete("/api/me/shares/" + share)
                .then()
                .statusCode(200)
                .body("agencyHadDownloaded", equalTo(false))
                .body("firstDownloadAt", nullValue());
        assertFalse(Clips.listedIds(s.r1).contains(clip));
        assertEquals(404, Clips.download(s.r1, clip).statusCode());
        assertEquals(0, Clips.accessesTo(DemoData.ALICE, clip));
    }
}
