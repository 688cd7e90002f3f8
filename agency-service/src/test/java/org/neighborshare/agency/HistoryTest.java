package org.neighborshare.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neighborshare.agency.service.AgencyService;
import org.neighborshare.testsupport.PostgresResource;

/** The public record keeps every step of an agency's life with its date and reason (I3), and cannot be edited. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class HistoryTest {

    @Inject
    AgencyService agencies;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        TestDoubles.CLOCK.reset();
    }

    @Test
    void aSuspensionAndItsReasonStayPublicAfterTheReinstatement() {
        String id = Api.approved(UUID.randomUUID().toString());
        Api.act(UUID.randomUUID().toString(), id, "suspend", "complaint under investigation")
                .statusCode(200);
        Api.act(UUID.randomUUID().toString(), id, "reinstate", "complaint unfounded")
                .statusCode(200);

        ValidatableResponse directory = given().header("Authorization", Api.anyone())
                .get("/api/public/agencies")
                .then()
                .statusCode(200);
        String entry = "find { it.id == '" + id + "' }";
        directory
                .body(entry + ".state", equalTo("APPROVED"))
                .body(entry + ".stateReason", equalTo("complaint unfounded"))
                .body(entry + ".history.action", contains("APPLY", "START_REVIEW", "APPROVE", "SUSPEND", "REINSTATE"))
                .body(
                        entry + ".history.find { it.action == 'SUSPEND' }.reason",
                        equalTo("complaint under investigation"))
                .body(entry + ".history.find { it.action == 'SUSPEND' }.toState", equalTo("SUSPENDED"))
                .body(entry + ".history.find { it.action == 'APPLY' }.fromState", nullValue());
        Api.history(id)
                .statusCode(200)
                .body("action", contains("APPLY", "START_REVIEW", "APPROVE", "SUSPEND", "REINSTATE"))
                .body("[3].reason", equalTo("complaint under investigation"))
                .body("[3].at", org.hamcrest.Matchers.notNullValue())
                .body("[4].reason", equalTo("complaint unfounded"));
    }

    @Test
    void expiryReVettingAndRevocationAreAllInTheHistoryAndTheAgencyStaysListedWhileReVetted() {
        String id = Api.approved(UUID.randomUUID().toString());
        TestDoubles.CLOCK.advance(Duration.ofDays(366));
        agencies.expireDue();
        given().header("Authorization", Api.reviewer(UUID.randomUUID().toString()))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"annual re-vetting\"}")
                .post("/api/vetting/" + id + "/revet")
                .then()
                .statusCode(200);
        // Re-vetting does not take an agency out of the directory: it was approved once, that stays public.
        given().header("Authorization", Api.anyone())
                .get("/api/public/agencies")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + id + "' }.state", equalTo("IN_REVIEW"));
        String a = UUID.randomUUID().toString();
        Api.check(a, id, "JURISDICTION").statusCode(200);
        Api.check(a, id, "AUTHORIZING_OFFICIAL").statusCode(200);
        Api.decide(UUID.randomUUID().toString(), id, "APPROVE").statusCode(200);
        Api.act(UUID.randomUUID().toString(), id, "suspend", "misuse").statusCode(200);
        Api.act(UUID.randomUUID().toString(), id, "revoke", "misuse confirmed").statusCode(200);
        Api.history(id)
                .statusCode(200)
                .body(
                        "action",
                        contains("APPLY", "START_REVIEW", "APPROVE", "EXPIRE", "REVET", "APPROVE", "SUSPEND", "REVOKE"))
                .body("find { it.action == 'EXPIRE' }.reason", equalTo("approval older than 365 days"))
                .body("find { it.action == 'REVET' }.reason", equalTo("annual re-vetting"))
                .body("find { it.action == 'REVOKE' }.reason", equalTo("misuse confirmed"));
    }

    @Test
    void aRejectionIsPublicButAPendingApplicationIsNot() {
        String rejected = Api.apply(UUID.randomUUID().toString(), Api.domain());
        Api.decide(UUID.randomUUID().toString(), rejected, "REJECT").statusCode(200);
        Api.history(rejected)
                .statusCode(200)
                .body("action", contains("APPLY", "REJECT"))
                .body("[1].reason", equalTo("vetting complete"));
        String pending = Api.apply(UUID.randomUUID().toString(), Api.domain());
        Api.history(pending).statusCode(404).contentType("application/problem+json");
        Api.history(UUID.randomUUID().toString()).statusCode(404);
        given().header("Authorization", Api.anyone())
                .get("/api/public/agencies")
                .then()
                .body("id", not(hasItem(pending)));
    }

    @Test
    void theHistoryNamesNoReviewer() {
        String reviewer = UUID.randomUUID().toString();
        String id = Api.approved(UUID.randomUUID().toString());
        Api.act(reviewer, id, "suspend", "checking").statusCode(200);
        given().header("Authorization", Api.anyone())
                .get("/api/public/agencies")
                .then()
                .statusCode(200)
                .body(not(org.hamcrest.Matchers.containsString(reviewer)));
    }

    @Test
    void theHistoryCannotBeEditedOrDeleted() {
        String id = Api.approved(UUID.randomUUID().toString());
        for (String sql : new String[] {
            "update agency_decision set reason = 'nothing happened' where agency_id = '" + id + "'",
            "delete from agency_decision where agency_id = '" + id + "'"
        }) {
            assertThrows(
                    Exception.class,
                    () -> QuarkusTransaction.requiringNew()
                            .run(() -> em.createNativeQuery(sql).executeUpdate()),
                    sql);
        }
        Api.history(id).statusCode(200).body("action", contains("APPLY", "START_REVIEW", "APPROVE"));
    }
}
