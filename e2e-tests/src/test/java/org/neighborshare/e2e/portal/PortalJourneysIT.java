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

    static final String DEPUTY = "dep.ortiz";

    @Test
    @Order(2)
    void theNewAgencyAdminAddsAnInvestigatorWhoFixesAFieldErrorAndARevieweerPublishes() {
        String agencyId = PortalState.agencyId;
        assertNotNull(agencyId, "journey 1 enrolled the agency");
        try (Browser b = new Browser()) {
            // A fresh sign-in: the new token carries the agency-admin role.
            b.signIn(SHERIFF).open("/agency/" + agencyId + "/members");
            b.find("#add-member");
            b.assertAccessible("members");
            b.type("email", "mortiz@county-sheriff.example");
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("role")))
                    .selectByValue("investigator");
            b.driver.findElement(By.id("add-member-submit")).click();
            b.wait.until(d -> d.findElement(By.id("members")).getText().contains("mortiz@county-sheriff.example"));
            b.shot("admin-members");
        }
        String caseNumber = "CSO-" + UUID.randomUUID().toString().substring(0, 6);
        java.time.Instant end = java.time.Instant.now()
                .minus(2, java.time.temporal.ChronoUnit.HOURS)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try (Browser b = new Browser()) {
            b.signIn(DEPUTY).open("/agency/" + agencyId + "/requests/new");
            b.find("#request-form");
            b.assertAccessible("new request");
            b.type("caseNumber", caseNumber);
            b.type("description", "Garage break-in on Elm Street");
            b.type(
                    "windowStart",
                    end.minus(13, java.time.temporal.ChronoUnit.HOURS).toString());
            b.type("windowEnd", end.toString());
            b.type("areaLatitude", String.valueOf(DemoData.CAMERA_LAT));
            b.type("areaLongitude", String.valueOf(DemoData.CAMERA_LON));
            b.type("areaRadius", "300");
            b.type("contact", "deputies@county-sheriff.example");
            b.shot("investigator-new-request");
            b.driver.findElement(By.id("request-submit")).click();
            // The window is too long: the API's field error, next to the field, and the form keeps what was typed.
            String error = b.text("#windowEnd-error");
            assertTrue(error.contains("at most 12 hours"), error);
            assertEquals(caseNumber, b.driver.findElement(By.id("caseNumber")).getAttribute("value"));
            b.shot("investigator-field-error");
            b.type(
                    "windowStart",
                    end.minus(1, java.time.temporal.ChronoUnit.HOURS).toString());
            b.driver.findElement(By.id("request-submit")).click();
            b.find("#agency-requests");
            assertTrue(b.text("#agency-requests").contains(caseNumber));
            assertTrue(b.text("#agency-requests").contains("PENDING_REVIEW"));
            b.shot("investigator-requests");
            b.assertAccessible("requests");
        }
        String requestId;
        try (Browser b = new Browser()) {
            b.signIn(DemoData.REVIEWER_1).open("/review/moderation");
            b.find("#moderation-queue");
            b.assertAccessible("moderation");
            b.shot("reviewer-moderation");
            org.openqa.selenium.WebElement card =
                    b.driver.findElements(By.cssSelector("#moderation-queue li.card")).stream()
                            .filter(e -> e.getText().contains(caseNumber))
                            .findFirst()
                            .orElseThrow();
            requestId = card.getAttribute("id").substring("request-".length());
            b.type("reason-" + requestId, "specific incident, proportionate area");
            b.driver.findElement(By.id("publish-" + requestId)).click();
            b.find(".notice");
            b.shot("reviewer-published");
        }
        PortalState.publishedCase = caseNumber;
        PortalState.publishedRequest = requestId;
    }

    static final byte[] CLIP = clipBytes();

    static byte[] clipBytes() {
        byte[] b = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(42).nextBytes(b);
        return b;
    }

    static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    @Order(3)
    void anOwnerInTheAreaFindsItInTheInboxAndSharesAClipUploadedThroughThePage() throws Exception {
        String requestId = PortalState.publishedRequest;
        assertNotNull(requestId, "journey 2 published a request");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("front-porch", ".mp4");
        java.nio.file.Files.write(file, CLIP);
        try (Browser b = new Browser()) {
            b.signIn(DemoData.ALICE);
            long until = System.currentTimeMillis() + 30_000;
            do {
                b.open("/owner/inbox");
                b.find("#inbox");
            } while (b.driver.findElements(By.id("inbox-" + requestId)).isEmpty()
                    && System.currentTimeMillis() < until);
            b.shot("owner-inbox");
            b.assertAccessible("inbox");
            b.driver.findElement(By.cssSelector("#inbox-" + requestId + " a")).click();
            b.find("#upload-form");
            b.assertAccessible("answer");
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("clip-camera")))
                    .selectByVisibleText("Front porch");
            b.driver
                    .findElement(By.id("clip-file"))
                    .sendKeys(file.toAbsolutePath().toString());
            b.driver.findElement(By.id("upload-submit")).click();
            String hash = b.text("#upload-sha256");
            assertEquals(sha256(CLIP), hash);
            assertEquals("100", b.driver.findElement(By.id("upload-progress")).getAttribute("value"));
            b.shot("owner-uploaded");
            b.driver.findElement(By.id("share-submit")).click();
            b.find(".notice");
            b.shot("owner-shared");
            b.open("/owner/shares");
            assertTrue(b.text("#shares").contains("ACTIVE"));
            b.shot("owner-shares");
            b.assertAccessible("shares");
            b.open("/owner/cameras");
            b.find("#cameras");
            b.shot("owner-cameras");
            b.assertAccessible("cameras");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    @Order(4)
    void theInvestigatorSeesNeighbor1WithThatHashAndDownloadsItAndTheOwnersAccessLogShowsIt() throws Exception {
        String agencyId = PortalState.agencyId;
        String requestId = PortalState.publishedRequest;
        String hash = sha256(CLIP);
        try (Browser b = new Browser()) {
            b.signIn(DEPUTY).open("/agency/" + agencyId + "/requests/" + requestId);
            b.find("#clips");
            org.openqa.selenium.WebElement row = b.driver.findElement(By.cssSelector("#clips tr.clip"));
            assertEquals(
                    "Neighbor 1", row.findElement(By.cssSelector(".neighbor")).getText());
            assertEquals(hash, row.findElement(By.cssSelector(".hash")).getText());
            b.shot("investigator-clips");
            b.assertAccessible("clips");
            String href = row.findElement(By.cssSelector("a.download")).getAttribute("href");
            String cookies = b.driver.manage().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            HttpResponse<byte[]> download = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(href))
                                    .header("Cookie", cookies)
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, download.statusCode());
            assertTrue(java.util.Arrays.equals(CLIP, download.body()), "the downloaded bytes are the uploaded ones");
        }
        try (Browser b = new Browser()) {
            b.signIn(DemoData.ALICE).open("/owner/access-log");
            b.find("#access-log");
            assertTrue(b.text("#access-log").contains(hash), b.text("#access-log"));
            assertTrue(b.text("#access-log").contains(COUNTY), b.text("#access-log"));
            b.shot("owner-access-log");
            b.assertAccessible("access log");
        }
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

    @Test
    @Order(7)
    void thePortalAnswersOnlyTheGateway() throws Exception {
        String portal = RunningSuite.config().url("portal");
        HttpClient http = HttpClient.newHttpClient();
        for (String auth : new String[] {null, "Bearer " + Gateway.token(DemoData.ALICE)}) {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(portal + "/"));
            if (auth != null) {
                r.header("Authorization", auth);
            }
            HttpResponse<String> direct = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, direct.statusCode(), "straight to the portal: " + direct.body());
        }
        HttpResponse<String> viaGateway = http.send(
                HttpRequest.newBuilder(URI.create(RunningSuite.config().gatewayUrl() + "/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, viaGateway.statusCode());
        assertTrue(viaGateway.body().contains("<h1>"), viaGateway.body());
    }

    /** What one journey leaves for the next (they run in order, against one suite). */
    static final class PortalState {
        static volatile String agencyId;
        static volatile String publishedCase;
        static volatile String publishedRequest;

        private PortalState() {}
    }
}
