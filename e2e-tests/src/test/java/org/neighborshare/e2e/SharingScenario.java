package org.neighborshare.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The state the clip-sharing scenarios start from, built once per test JVM (Riverton's daily request quota is
 * shared by every IT, so two requests serve all of them):
 * <ul>
 *   <li>Riverton publishes requests R1 and R2 (same area, nearly the same window); both reach Alice and Bob.</li>
 *   <li>Alice registers a camera "Garden gate" (before R1 and R2, so that both are sent for it) and uploads
 *       A1, A2 and A3 with it; Bob uploads B1 and B2 with his seeded camera.</li>
 *   <li>R1: Alice shares A1 (she is "Neighbor 1" there). A2 is never shared. B2 is never shared.</li>
 *   <li>R2: Bob shares B1 first ("Neighbor 1"), then Alice shares A3 ("Neighbor 2").</li>
 *   <li>Alice's camera is then paused, so later requests of other ITs do not count it.</li>
 * </ul>
 * Tests may add clips and shares of their own but leave these as they are (revocation tests revoke only their
 * own shares; Bob's decline of R1 is the only answer Bob gives to R1).
 */
final class SharingScenario {

    /** Alice's scenario camera: about 230 m from the requests' centre, inside their 300 m radius. */
    static final double CAMERA_LAT = 45.522291;

    static final double CAMERA_LON = -122.667938;
    static final String CAMERA_LABEL = "Garden gate";

    private static SharingScenario instance;

    final String r1;
    final String r2;
    final String aliceSub = Clips.subject(DemoData.ALICE);
    final String bobSub = Clips.subject(DemoData.BOB);
    final String investigatorSub = Clips.subject(DemoData.INVESTIGATOR);
    final String aliceCamera;
    final String bobCamera;
    final Instant recordedAt;
    final byte[] a1Bytes = Clips.video(200_003);
    final byte[] a2Bytes = Clips.video(150_001);
    final byte[] a3Bytes = Clips.video(120_007);
    final byte[] b1Bytes = Clips.video(90_011);
    final byte[] b2Bytes = Clips.video(80_021);
    final String a1;
    final String a2;
    final String a3;
    final String b1;
    final String b2;
    final String a1Share;
    final String a3Share;
    final String b1Share;

    private SharingScenario() {
        // Registered before the requests are published: only cameras a request was sent for may share for it.
        aliceCamera = Clips.registerCamera(DemoData.ALICE, CAMERA_LABEL, CAMERA_LAT, CAMERA_LON);
        r1 = Requests.postAndPublish(Clips.uniqueCase("CLIPS-R1"));
        r2 = Requests.postAndPublish(Clips.uniqueCase("CLIPS-R2"));
        for (String owner : List.of(DemoData.ALICE, DemoData.BOB)) {
            Requests.awaitInbox(owner, ids -> ids.containsAll(List.of(r1, r2)), Duration.ofSeconds(20));
        }
        bobCamera = Clips.cameraIds(DemoData.BOB).get(0);
        recordedAt = Clips.inWindowOf(DemoData.ALICE, Duration.ofMinutes(10), r1, r2);

        a1 = Clips.upload(DemoData.ALICE, aliceCamera, recordedAt, a1Bytes);
        a2 = Clips.upload(DemoData.ALICE, aliceCamera, recordedAt.plusSeconds(60), a2Bytes);
        a3 = Clips.upload(DemoData.ALICE, aliceCamera, recordedAt.plusSeconds(120), a3Bytes);
        b1 = Clips.upload(DemoData.BOB, bobCamera, recordedAt.plusSeconds(180), b1Bytes);
        b2 = Clips.upload(DemoData.BOB, bobCamera, recordedAt.plusSeconds(240), b2Bytes);

        var aliceR1 = Clips.share(DemoData.ALICE, r1, a1);
        var bobR2 = Clips.share(DemoData.BOB, r2, b1);
        var aliceR2 = Clips.share(DemoData.ALICE, r2, a3);
        // The owner is told under which pseudonym the agency knows them, per request.
        assertEquals("Neighbor 1", aliceR1.path("share.neighbor"));
        assertEquals("Neighbor 1", bobR2.path("share.neighbor"));
        assertEquals("Neighbor 2", aliceR2.path("share.neighbor"));
        a1Share = aliceR1.path("share.id");
        b1Share = bobR2.path("share.id");
        a3Share = aliceR2.path("share.id");

        Gateway.as(DemoData.ALICE)
                .post("/api/me/cameras/" + aliceCamera + "/pause")
                .then()
                .statusCode(200);
    }

    static synchronized SharingScenario get() {
        if (instance == null) {
            instance = new SharingScenario();
        }
        return instance;
    }
}
