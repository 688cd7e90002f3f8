package org.neighborshare.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 3 end to end against the real Keycloak: vetting gives the applicant agency-admin in their next token,
 * they add an investigator, roles are per agency (I5), a suspension stops every member within 5 s whatever
 * tokens they hold, reinstatement restores access, and a removed member loses access at their next token.
 */
@ExtendWith(RunningSuite.class)
class AgencyLifecycleIT {

    @Test
    void rolesPerAgencyLiveInKeycloakAndSuspensionBitesWithinFiveSeconds() {
        String agency = Agencies.applyForSpringfield();
        Agencies.vetAndApprove(agency);

        // The applicant's next token carries agency-admin of that agency.
        String adminToken = Gateway.freshToken(DemoData.APPLICANT);
        assertTrue(
                groups(adminToken).contains("/agencies/" + agency + "/agency-admin"), "groups: " + groups(adminToken));

        // They add an investigator (an existing user, by e-mail).
        Gateway.as(DemoData.APPLICANT)
                .body("{\"email\":\"bob@mail.example\",\"role\":\"investigator\"}")
                .post("/api/agencies/" + agency + "/members")
                .then()
                .statusCode(201)
                .body("roles", hasItem("investigator"));
        Gateway.as(DemoData.APPLICANT)
                .get("/api/agencies/" + agency + "/members")
                .then()
                .statusCode(200)
                .body("username", hasItem("owner.bob"));

        String bob = Gateway.freshToken(DemoData.BOB);
        String requests = "/api/agencies/" + agency + "/requests";
        Gateway.as(DemoData.BOB).get(requests).then().statusCode(200);
        // A role in Springfield grants nothing in Riverton, and Riverton's investigator nothing in Springfield.
        Gateway.as(DemoData.BOB)
                .get("/api/agencies/" + DemoData.RIVERTON + "/requests")
                .then()
                .statusCode(403);
        Gateway.as(DemoData.INVESTIGATOR).get(requests).then().statusCode(403);
        Gateway.as(DemoData.APPLICANT)
                .get("/api/agencies/" + DemoData.RIVERTON + "/members")
                .then()
                .statusCode(403);

        // Suspension: within 5 s every call of its members is refused, though their tokens are still valid.
        Gateway.as(DemoData.REVIEWER_1)
                .body("{\"reason\":\"complaint under investigation\"}")
                .post("/api/agencies/" + agency + "/suspend")
                .then()
                .statusCode(200)
                .body("state", equalTo("SUSPENDED"));
        Instant suspended = Instant.now();
        awaitStatus(bob, requests, 403, Duration.ofSeconds(5));
        awaitStatus(adminToken, "/api/agencies/" + agency + "/members", 403, Duration.ofSeconds(5));
        assertTrue(Duration.between(suspended, Instant.now()).toMillis() <= 5_500);
        Gateway.as(DemoData.BOB)
                .get(requests)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("SUSPENDED"));
        Gateway.anonymous()
                .get("/api/public/agencies")
                .then()
                .body("find { it.id == '" + agency + "' }.stateReason", equalTo("complaint under investigation"));

        // Reinstated: works again with the same tokens.
        Gateway.as(DemoData.REVIEWER_2)
                .body("{\"reason\":\"complaint unfounded\"}")
                .post("/api/agencies/" + agency + "/reinstate")
                .then()
                .statusCode(200)
                .body("state", equalTo("APPROVED"));
        awaitStatus(bob, requests, 200, Duration.ofSeconds(6));

        // A removed member loses access at their next token.
        String bobId = JsonPath.from(payload(bob)).getString("sub");
        Gateway.as(DemoData.APPLICANT)
                .delete("/api/agencies/" + agency + "/members/" + bobId)
                .then()
                .statusCode(204);
        Gateway.freshToken(DemoData.BOB);
        Gateway.as(DemoData.BOB).get(requests).then().statusCode(403);
    }

    static void awaitStatus(String token, String path, int status, Duration within) {
        Instant deadline = Instant.now().plus(within);
        int last;
        do {
            last = Gateway.anonymous()
                    .header("Authorization", "Bearer " + token)
                    .get(path)
                    .statusCode();
            if (last == status) {
                return;
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        fail(path + " still answered " + last + " after " + within + ", expected " + status);
    }

    static List<String> groups(String token) {
        List<String> groups = JsonPath.from(payload(token)).getList("groups", String.class);
        return groups == null ? List.of() : groups;
    }

    static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
