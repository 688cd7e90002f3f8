package org.neighborshare.e2e.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.e2e.DemoData;
import org.neighborshare.e2e.Gateway;
import org.neighborshare.e2e.Requests;
import org.neighborshare.e2e.RunningSuite;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The portal's journeys in a real Chromium: Keycloak's real sign-in page, real PostgreSQL, the gateway in front
 * (the browser only ever talks to the gateway's origin and Keycloak's). Each page visited is saved as a
 * screenshot under target/portal-screenshots; each main page is checked with axe-core.
 */
@ExtendWith(RunningSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalJourneysIT {

    /** A sheriff's office whose jurisdiction covers Riverton (and so the demo owners' cameras). */
    static final String COUNTY_POLYGON = "{\"type\":\"Polygon\",\"coordinates\":[[[-122.72,45.49],[-122.62,45.49],"
            + "[-122.62,45.56],[-122.72,45.56],[-122.72,45.49]]]}";

    static final String SHERIFF = "sheriff.grant";
    static final String COUNTY =
            "County Sheriff's Office " + UUID.randomUUID().toString().substring(0, 6);

    @Test
    @Order(1)
    void applicantAppliesByPastingGeoJsonAndTwoReviewersApprove() {
        String agencyId;
        try (Browser b = new Browser()) {
            b.signIn(SHERIFF).open("/apply");
            b.find("#apply-form");
            b.assertAccessible("apply");
            b.type("officialName", COUNTY);
            b.type("officialDomain", "county-sheriff.example");
            b.type("website", "https://county-sheriff.example");
            b.paste("jurisdiction", COUNTY_POLYGON);
            b.type("officialPersonName", "Lee Grant");
            b.type("officialTitle", "Sheriff");
            b.type("officialEmail", "lgrant@county-sheriff.example");
            b.driver.findElement(By.id("policyAccepted")).click();
            b.shot("applicant-form");
            b.driver.findElement(By.id("apply-submit")).click();
            b.find("#applications");
            b.shot("applicant-applications");
            b.assertAccessible("applications");
            String id = b.find("#applications li.card").getAttribute("id");
            agencyId = id.substring("application-".length());
            assertEquals("APPLIED", b.text("#state-" + agencyId));
        }
        try (Browser b = new Browser()) {
            b.signIn(DemoData.REVIEWER_1).open("/review/vetting");
            b.find("#vet-" + agencyId).click();
            b.find("#checklist");
            b.assertAccessible("vetting");
            b.type("note-JURISDICTION", "matches the county GIS boundary");
            b.driver.findElement(By.cssSelector("#tick-JURISDICTION button")).click();
            b.find("#tick-AUTHORIZING_OFFICIAL");
            b.type("note-AUTHORIZING_OFFICIAL", "called the county clerk");
            b.driver
                    .findElement(By.cssSelector("#tick-AUTHORIZING_OFFICIAL button"))
                    .click();
            b.wait.until(d -> d.findElement(By.id("checklist")).getText().contains("AUTHORIZING_OFFICIAL"));
            b.shot("reviewer-checklist");
            // Four eyes: the reviewer who ticked everything cannot approve alone; the refusal is shown on the page.
            b.type("reason", "alone");
            b.driver.findElement(By.id("decide")).click();
            assertTrue(b.find("#form-error").isDisplayed());
            b.shot("reviewer-four-eyes-refusal");
        }
        try (Browser b = new Browser()) {
            b.signIn(DemoData.REVIEWER_2).open("/review/vetting/" + agencyId);
            b.type("reason", "all four items verified");
            b.driver.findElement(By.id("decide")).click();
            b.find("#vetting-queue");
            b.shot("reviewer-approved");
        }
        try (Browser b = new Browser()) {
            b.signIn(SHERIFF).open("/applications");
            assertEquals("APPROVED", b.text("#state-" + agencyId));
            b.shot("applicant-approved");
        }
        PortalState.agencyId = agencyId;
    }

    @Test
    @Order(5)
    void aVisitorWithNoAccountReadsTheHomeDirectoryAndRequestLogAndFindsThePublishedRequest() {
        String caseNumber = PortalState.publishedCase;
        String requestId = PortalState.publishedRequest;
        if (requestId == null) {
            caseNumber = "RPD-P" + UUID.randomUUID().toString().substring(0, 6);
            requestId = Requests.postAndPublish(caseNumber);
        }
        try (Browser b = new Browser()) {
            b.open("/");
            b.find("#transparency");
            assertTrue(b.text("#agency-figures").contains("Police departments"));
            b.shot("public-home");
            b.assertAccessible("home");

            b.open("/directory");
            b.find("#agencies");
            assertTrue(b.text("#agencies").contains("Riverton"), b.text("#agencies"));
            assertTrue(
                    b.driver.findElements(By.cssSelector("#directory-map path")).size() > 0, "jurisdictions drawn");
            b.shot("public-directory");
            b.assertAccessible("directory");

            b.open("/requests");
            b.find("#request-log");
            assertTrue(b.text("#request-log").contains(caseNumber), b.text("#request-log"));
            b.shot("public-request-log");
            b.assertAccessible("request log");

            b.driver.findElement(By.linkText(caseNumber)).click();
            b.find("#request-facts");
            assertTrue(b.driver.getCurrentUrl().endsWith("/requests/" + requestId));
            assertTrue(b.text("h1").contains(caseNumber));
            b.shot("public-request");
            b.assertAccessible("request");

            // Nothing of the signed-in pages without an account: Keycloak's sign-in page instead.
            b.open("/owner/inbox");
            b.wait.until(d -> d.getCurrentUrl().startsWith(RunningSuite.config().keycloakUrl()));
        }
    }

    @Test
    @Order(6)
    void theSessionCookieIsHttpOnlyAndSameSiteAndAFormWithoutItsCsrfTokenIsRefusedChangingNothing() throws Exception {
        int before = Gateway.as(DemoData.BOB)
                .get("/api/agency-applications/mine")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
        try (Browser b = new Browser()) {
            b.signIn(DemoData.BOB);
            List<Cookie> session = b.driver.manage().getCookies().stream()
                    .filter(c -> c.getName().startsWith("q_session"))
                    .toList();
            assertTrue(
                    !session.isEmpty(), "a session cookie: " + b.driver.manage().getCookies());
            for (Cookie c : session) {
                assertTrue(c.isHttpOnly(), c.getName() + " is HttpOnly");
                assertEquals("Lax", c.getSameSite(), c.getName() + " SameSite");
                // No token in page JavaScript: the cookie is out of its reach, and the page holds none.
                assertEquals(
                        "",
                        String.valueOf(b.driver.executeScript("return document.cookie.split('; ').filter(function(c){"
                                + "return c.indexOf('q_session') === 0;}).join('')")));
            }
            assertTrue(!b.driver.getPageSource().contains("eyJ"), "no JWT in the page");

            // The same signed-in session posts the application form without the CSRF token (as a forged page
            // would): refused, and nothing is stored.
            String cookies = b.driver.manage().getCookies().stream()
                    .filter(c -> !c.getName().equals("csrf-token"))
                    .map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            HttpResponse<String> forged = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(b.base + "/apply"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header("Cookie", cookies)
                                    .POST(HttpRequest.BodyPublishers.ofString("officialName=Forged+PD&type=POLICE"
                                            + "&officialDomain=mail.example&website=https%3A%2F%2Fmail.example"
                                            + "&jurisdiction=" + java.net.URLEncoder.encode(COUNTY_POLYGON, "UTF-8")
                                            + "&officialPersonName=X&officialTitle=Y&officialEmail=bob%40mail.example"
                                            + "&policyAccepted=true"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(400, forged.statusCode(), forged.body());
            // The same post with the page's own token would have reached the API: the session itself works.
            b.open("/applications");
            assertNotNull(b.find("#applications"));
        }
        int after = Gateway.as(DemoData.BOB)
                .get("/api/agency-applications/mine")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
        assertEquals(before, after, "the forged form stored nothing");
    }

    /** What one journey leaves for the next (they run in order, against one suite). */
    static final class PortalState {
        static volatile String agencyId;
        static volatile String publishedCase;
        static volatile String publishedRequest;

        private PortalState() {}
    }
}
