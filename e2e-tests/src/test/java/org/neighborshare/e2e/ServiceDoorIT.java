package org.neighborshare.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.testsupport.TestTokens;

/**
 * Invariant I6 and the gateway's door: services answer 401 to anything but a gateway-minted token for them, and
 * the gateway answers 401/403/404 as problems.
 */
@ExtendWith(RunningSuite.class)
class ServiceDoorIT {

    static final List<String> SERVICES = List.of("agency-service", "request-service", "consent-service");

    @Test
    void directCallsWithoutTheGatewayTokenGet401() {
        for (String service : SERVICES) {
            String url = RunningSuite.config().url(service);
            given().baseUri(url)
                    .get("/api/public/agencies")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
            given().baseUri(url).get("/api/me/inbox").then().statusCode(401);
            // A real Keycloak user token is not a gateway token either.
            given().baseUri(url)
                    .header("Authorization", "Bearer " + Gateway.token(DemoData.REVIEWER_1))
                    .get("/api/vetting/queue")
                    .then()
                    .statusCode(401);
        }
    }

    @Test
    void aTokenMintedForAnotherServiceGets401() {
        String forAgency = TestTokens.forService("agency-service")
                .role("reviewer")
                .role("owner")
                .bearer();
        given().baseUri(RunningSuite.config().url("request-service"))
                .header("Authorization", forAgency)
                .get("/api/moderation/requests")
                .then()
                .statusCode(401);
        given().baseUri(RunningSuite.config().url("consent-service"))
                .header("Authorization", forAgency)
                .get("/api/me/inbox")
                .then()
                .statusCode(401);
        given().baseUri(RunningSuite.config().url("agency-service"))
                .header("Authorization", forAgency)
                .get("/api/vetting/queue")
                .then()
                .statusCode(200);
    }

    @Test
    void gatewayRefusalsAreProblems() {
        Gateway.anonymous()
                .get("/api/me/inbox")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
        Gateway.anonymous()
                .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
                .get("/api/me/inbox")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        Gateway.as(DemoData.ALICE)
                .get("/api/vetting/queue")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        Gateway.as(DemoData.INVESTIGATOR)
                .get("/api/agencies/" + java.util.UUID.randomUUID() + "/requests")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        Gateway.as(DemoData.ALICE)
                .get("/api/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // Services' own /q endpoints and internal feeds are not reachable through the gateway by users.
        Gateway.as(DemoData.ALICE).get("/api/q/health").then().statusCode(404);
        Gateway.as(DemoData.ALICE).get("/api/feed/request-events").then().statusCode(403);
    }

    @Test
    void clientSuppliedInternalHeadersGainNothing() {
        String forged = TestTokens.forService("agency-service").role("reviewer").bearer();
        // A forged internal token in the Authorization header is not an OIDC token: refused.
        Gateway.anonymous()
                .header("Authorization", forged)
                .get("/api/vetting/queue")
                .then()
                .statusCode(401);
        // Internal-style headers beside a real owner token do not lift the owner to reviewer.
        Gateway.as(DemoData.ALICE)
                .header("X-Internal-Token", forged)
                .header("X-Agency-Id", DemoData.RIVERTON)
                .header("X-Agency-Role", "investigator")
                .get("/api/vetting/queue")
                .then()
                .statusCode(403);
        Gateway.as(DemoData.ALICE)
                .header("X-Internal-Token", forged)
                .get("/api/agencies/" + DemoData.RIVERTON + "/requests")
                .then()
                .statusCode(403);
    }
}
