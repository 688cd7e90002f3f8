package org.neighborshare.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.neighborshare.consent.Api.clipsPath;
import static org.neighborshare.consent.Api.investigator;
import static org.neighborshare.consent.Api.newId;
import static org.neighborshare.consent.Api.share;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neighborshare.testsupport.PostgresResource;

/** Invariant I2: an agency sees "Neighbor N" for an owner, numbered per request, stable within it. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PseudonymTest {

    // Each test its own place and window, far from the other test classes' cameras.
    final Neighbourhood here = new Neighbourhood(-40, 110);

    @Test
    void pseudonymsAreNumberedPerRequestAndStableWithinIt() {
        UUID agency = UUID.randomUUID();
        String alice = newId();
        String bob = newId();
        String aliceCam = here.camera(alice);
        String bobCam = here.camera(bob);
        UUID x = here.publish(agency);
        UUID y = here.publish(agency);
        String aliceX = here.clip(alice, aliceCam);
        String aliceY = here.clip(alice, aliceCam);
        String aliceX2 = here.clip(alice, aliceCam);
        String bobY = here.clip(bob, bobCam);

        share(alice, x, aliceX); // alice first on X
        share(bob, y, bobY); // bob first on Y
        share(alice, y, aliceY);
        share(alice, x, aliceX2); // a second share: same pseudonym

        given().header("Authorization", investigator(agency))
                .get(clipsPath(agency, x))
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("find { it.clipId == '" + aliceX + "' }.neighbor", equalTo("Neighbor 1"))
                .body("find { it.clipId == '" + aliceX2 + "' }.neighbor", equalTo("Neighbor 1"));
        given().header("Authorization", investigator(agency))
                .get(clipsPath(agency, y))
                .then()
                .statusCode(200)
                .body("find { it.clipId == '" + bobY + "' }.neighbor", equalTo("Neighbor 1"))
                .body("find { it.clipId == '" + aliceY + "' }.neighbor", equalTo("Neighbor 2"));
    }
}
