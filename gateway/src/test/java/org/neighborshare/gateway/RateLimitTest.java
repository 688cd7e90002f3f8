package org.neighborshare.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neighborshare.gateway.support.FakeServices;
import org.neighborshare.gateway.support.KeycloakTokens;

/**
 * Rate limits, on the TEST ONLY routes of the group "tiny" (FakeServices): 3 a minute per user, 5 a minute per
 * agency, 3 a minute per client address. Every test uses callers and agencies of its own, so buckets never carry
 * over from another test.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class RateLimitTest {

    private static String agency() {
        return UUID.randomUUID().toString();
    }

    /** A 429 problem with a Retry-After in whole seconds within the bucket's refill time (60 s / limit). */
    private static void assertLimited(Response response, String scope, int limit) {
        response.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("detail", containsString(scope));
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60 / limit, "Retry-After " + retryAfter);
    }

    @Test
    void aUserOverTheGroupLimitGets429WithRetryAfterAndOtherUsersAreUnaffected() {
        String alice = KeycloakTokens.user().role("owner").bearer();
        for (int i = 0; i < FakeServices.TINY_PER_USER; i++) {
            given().header("Authorization", alice)
                    .when()
                    .get("/api/test-only/limited/me/" + i)
                    .then()
                    .statusCode(200);
        }
        String refused = "/api/test-only/limited/me/" + UUID.randomUUID();
        assertLimited(
                given().header("Authorization", alice).when().get(refused), "this user", FakeServices.TINY_PER_USER);
        assertFalse(FakeServices.reached(refused), "a rate-limited call reached the service");

        given().header("Authorization", KeycloakTokens.user().role("owner").bearer())
                .when()
                .get("/api/test-only/limited/me/other")
                .then()
                .statusCode(200);
    }

    @Test
    void membersOfOneAgencyShareItsAllowanceAndOtherAgenciesKeepTheirs() {
        String agency = agency();
        int calls = 0;
        // Two calls each from several members: none is over the per-user limit, the agency is.
        while (calls < FakeServices.TINY_PER_AGENCY) {
            String member =
                    KeycloakTokens.user().agencyRole(agency, "investigator").bearer();
            for (int i = 0; i < 2 && calls < FakeServices.TINY_PER_AGENCY; i++, calls++) {
                given().header("Authorization", member)
                        .when()
                        .get("/api/test-only/agencies/" + agency + "/limited/" + calls)
                        .then()
                        .statusCode(200)
                        .body("service", equalTo("request-service"));
            }
        }
        String refused = "/api/test-only/agencies/" + agency + "/limited/" + UUID.randomUUID();
        String newcomer =
                KeycloakTokens.user().agencyRole(agency, "investigator").bearer();
        assertLimited(
                given().header("Authorization", newcomer).when().get(refused),
                "this agency",
                FakeServices.TINY_PER_AGENCY);
        assertFalse(FakeServices.reached(refused));

        String other = agency();
        given().header(
                        "Authorization",
                        KeycloakTokens.user().agencyRole(other, "investigator").bearer())
                .when()
                .get("/api/test-only/agencies/" + other + "/limited/x")
                .then()
                .statusCode(200);
    }

    @Test
    void anonymousCallersOfPublicRoutesAreLimitedPerClientAddress() {
        for (int i = 0; i < FakeServices.TINY_PER_CLIENT_IP; i++) {
            given().when().get("/api/test-only/limited/public/" + i).then().statusCode(200);
        }
        String refused = "/api/test-only/limited/public/" + UUID.randomUUID();
        // A token changes nothing on a public route: the address is what counts.
        assertLimited(
                given().header(
                                "Authorization",
                                KeycloakTokens.user().role("owner").bearer())
                        .when()
                        .get(refused),
                "this client address",
                FakeServices.TINY_PER_CLIENT_IP);
        assertFalse(FakeServices.reached(refused));
    }

    @Test
    void shippedRoutesHaveRoomForFarMoreThanATestRun() {
        // The default group: the same user well past the tiny group's limits, without a 429.
        String bearer = KeycloakTokens.user().role("owner").bearer();
        for (int i = 0; i < 50; i++) {
            given().header("Authorization", bearer)
                    .when()
                    .get("/api/me/inbox")
                    .then()
                    .statusCode(200);
        }
    }
}
