package org.neighborshare.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.neighborshare.consent.Api.answer;
import static org.neighborshare.consent.Api.countsReader;
import static org.neighborshare.consent.Api.investigator;
import static org.neighborshare.consent.Api.owner;
import static org.neighborshare.consent.Api.share;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.neighborshare.testsupport.PostgresResource;

/**
 * The counts request-service shows in the public log: each suppressed below five owners, a page's requests in
 * one call, only for the counts reader (invariant I2).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PublicCountsTest {

    // Each test its own place and window, far from the other test classes' cameras.
    final Neighbourhood here = new Neighbourhood(-30, 120);

    @Test
    void countsBelowFiveAreSuppressed() {
        UUID agency = UUID.randomUUID();
        List<String> owners = Stream.generate(Api::newId).limit(6).toList();
        List<String> cams = owners.stream().map(here::camera).toList();
        UUID request = here.publish(agency);
        UUID lonely = here.publish(agency, here.lat + 0.05, here.lon); // ~5.5 km away: no camera there
        String counts = countsReader();

        for (int i = 0; i < 4; i++) {
            share(owners.get(i), request, here.clip(owners.get(i), cams.get(i)));
        }
        answer(owners.get(5), request, "{\"answer\":\"DECLINE\"}", 200);
        // 6 cameras of 6 owners: published rounded to 5 after the request's noise (SmallCounts), so 5 or 10.
        given().header("Authorization", counts)
                .get("/api/directory/requests/" + request + "/counts")
                .then()
                .statusCode(200)
                .body("camerasReached", org.hamcrest.Matchers.anyOf(equalTo(5), equalTo(10)))
                .body("neighboursShared", nullValue())
                .body("clips", nullValue());

        share(owners.get(4), request, here.clip(owners.get(4), cams.get(4)));
        given().header("Authorization", counts)
                .get("/api/directory/requests/" + request + "/counts")
                .then()
                .statusCode(200)
                .body("camerasReached", org.hamcrest.Matchers.anyOf(equalTo(5), equalTo(10)))
                .body("neighboursShared", equalTo(5))
                .body("clips", equalTo(5));

        given().header("Authorization", counts)
                .get("/api/directory/requests/" + lonely + "/counts")
                .then()
                .statusCode(200)
                .body("camerasReached", nullValue())
                .body("$", org.hamcrest.Matchers.hasKey("clips"));
        given().header("Authorization", counts)
                .get("/api/directory/requests/" + UUID.randomUUID() + "/counts")
                .then()
                .statusCode(404);
        // A public-log page asks for all its requests at once; unknown ids are left out, not failed.
        given().header("Authorization", counts)
                .queryParam("id", request)
                .queryParam("id", lonely)
                .queryParam("id", UUID.randomUUID())
                .get("/api/directory/requests/counts")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("find { it.requestId == '" + request + "' }.neighboursShared", equalTo(5))
                .body("find { it.requestId == '" + lonely + "' }.camerasReached", nullValue());
        given().header("Authorization", counts)
                .get("/api/directory/requests/counts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", counts)
                .queryParam("id", Stream.generate(UUID::randomUUID).limit(101).toList())
                .get("/api/directory/requests/counts")
                .then()
                .statusCode(400);
        given().header("Authorization", owner(owners.get(0)))
                .get("/api/directory/requests/" + request + "/counts")
                .then()
                .statusCode(403);
        given().header("Authorization", investigator(agency))
                .get("/api/directory/requests/" + request + "/counts")
                .then()
                .statusCode(403);
    }
}
