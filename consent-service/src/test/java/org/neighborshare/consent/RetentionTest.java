package org.neighborshare.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neighborshare.consent.Api.answer;
import static org.neighborshare.consent.Api.download;
import static org.neighborshare.consent.Api.newId;
import static org.neighborshare.consent.Api.owner;
import static org.neighborshare.consent.Api.upload;
import static org.neighborshare.consent.Api.video;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neighborshare.consent.domain.Clip;
import org.neighborshare.consent.service.RetentionService;
import org.neighborshare.consent.store.ClipStore;
import org.neighborshare.testsupport.PostgresResource;

/**
 * When a share's retention ends, the bytes no valid share still needs are deleted and the owner gets a receipt;
 * the clock is moved, not waited for.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class RetentionTest {

    // Each test its own place and window, far from the other test classes' cameras.
    final Neighbourhood here = new Neighbourhood(-30, 110);

    @Inject
    RetentionService retention;

    @Inject
    ClipStore store;

    @BeforeEach
    @AfterEach
    void resetClock() {
        TestDoubles.CLOCK.reset();
    }

    static String storageKey(String clipId) {
        return QuarkusTransaction.requiringNew().call(() -> Clip.<Clip>findById(UUID.fromString(clipId)).storageKey);
    }

    @Test
    void retentionDeletesBytesNoValidShareNeedsAndGivesAReceipt() throws Exception {
        UUID agencyA = UUID.randomUUID();
        UUID agencyB = UUID.randomUUID();
        String alice = newId();
        String cam = here.camera(alice);
        UUID x = here.publish(agencyA);
        UUID y = here.publish(agencyB);
        byte[] bothBytes = video(5000);
        String both = upload(alice, cam, here.inWindow, bothBytes);
        String onlyX = here.clip(alice, cam);
        answer(alice, x, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + both + "\",\"" + onlyX + "\"]}", 201);
        answer(alice, y, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + both + "\"],\"retentionDays\":90}", 201);
        String onlyXKey = storageKey(onlyX);
        String bothKey = storageKey(both);
        String onlyXSha = given().header("Authorization", owner(alice))
                .get("/api/me/clips/" + onlyX)
                .then()
                .extract()
                .path("sha256");
        store.open(onlyXKey).close(); // stored

        TestDoubles.CLOCK.advance(Duration.ofDays(31));
        assertTrue(retention.expireDue() >= 1);

        assertThrows(NoSuchFileException.class, () -> store.open(onlyXKey), "retention must delete the bytes");
        assertEquals(404, download(agencyA, x, onlyX));
        assertEquals(404, download(agencyA, x, both));
        given().header("Authorization", owner(alice))
                .get("/api/me/deletion-receipts")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].clipId", equalTo(onlyX))
                .body("[0].sha256", equalTo(onlyXSha))
                .body("[0].reason", equalTo("RETENTION_ENDED"))
                .body("[0].deletedAt", notNullValue());
        given().header("Authorization", owner(alice))
                .get("/api/me/access-log")
                .then()
                .body("find { it.clipId == '" + onlyX + "' }.action", equalTo("DELETED"));
        given().header("Authorization", owner(alice))
                .get("/api/me/clips/" + onlyX)
                .then()
                .body("deletedAt", notNullValue());

        // Still needed by the 90-day share for agency B: kept and downloadable there.
        try (InputStream in = store.open(bothKey)) {
            assertArrayEquals(bothBytes, in.readAllBytes());
        }
        assertEquals(200, download(agencyB, y, both));
        assertEquals(0, retention.expireDue(), "nothing more is due");
        // The request itself expired meanwhile (7 days after publication): no more answers.
        answer(alice, x, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + both + "\"]}", 409);

        TestDoubles.CLOCK.advance(Duration.ofDays(60));
        retention.expireDue();
        assertThrows(NoSuchFileException.class, () -> store.open(bothKey));
        assertEquals(404, download(agencyB, y, both));
        given().header("Authorization", owner(alice))
                .get("/api/me/deletion-receipts")
                .then()
                .body("clipId", hasItem(both))
                .body("size()", equalTo(2));
    }
}
