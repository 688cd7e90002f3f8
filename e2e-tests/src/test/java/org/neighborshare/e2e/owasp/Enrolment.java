package org.neighborshare.e2e.owasp;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.neighborshare.e2e.Agencies;
import org.neighborshare.e2e.DemoData;
import org.neighborshare.e2e.Gateway;

/** Enrolment and request steps of the security suite, for agencies other than the demo ones. */
public final class Enrolment {

    private Enrolment() {}

    public static String application(String name, String type, String domain, String website, String polygon) {
        return """
                {"officialName":"%s","type":"%s","officialDomain":"%s","website":"%s","jurisdiction":%s,
                 "authorizingOfficial":{"name":"Pat Official","title":"Chief","email":"official@%s"},
                 "policyAccepted":true}""".formatted(name, type, domain, website, polygon, domain);
    }

    /**
     * {@code chief} (whose verified e-mail is on {@code domain}) applies, both reviewers vet and approve; returns
     * the agency id. The chief's next token carries agency-admin of it.
     */
    public static String approvedAgency(String chief, String name, String type, String domain, String polygon) {
        String id = Gateway.as(chief)
                .body(application(name, type, domain, "https://www." + domain, polygon))
                .post("/api/agency-applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Agencies.vetAndApprove(id);
        Gateway.freshToken(chief);
        return id;
    }

    /** An agency-admin adds an existing user by e-mail. */
    public static void addMember(String admin, String agency, String email, String role) {
        Gateway.as(admin)
                .body("{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}")
                .post("/api/agencies/" + agency + "/members")
                .then()
                .statusCode(201)
                .body("roles", hasItem(role));
    }

    public static String requestBody(String caseNumber, String description, String contact, double lat, double lon) {
        Instant end = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"caseNumber":"%s","incidentType":"BURGLARY","description":"%s",
                 "windowStart":"%s","windowEnd":"%s",
                 "area":{"latitude":%s,"longitude":%s,"radiusMeters":300},
                 "contact":"%s"}""".formatted(caseNumber, description, end.minus(1, ChronoUnit.HOURS), end, lat, lon, contact);
    }

    public static String postRequest(String investigator, String agency, String body) {
        return Gateway.as(investigator)
                .body(body)
                .post("/api/agencies/" + agency + "/requests")
                .then()
                .statusCode(201)
                .body("state", equalTo("PENDING_REVIEW"))
                .extract()
                .path("id");
    }

    public static void publish(String request) {
        Gateway.as(DemoData.REVIEWER_2)
                .body("{\"decision\":\"PUBLISH\",\"reason\":\"specific incident, proportionate area\"}")
                .post("/api/moderation/requests/" + request + "/decision")
                .then()
                .statusCode(200)
                .body("state", equalTo("PUBLISHED"));
    }

    public static String publishedRequest(String investigator, String agency, String body) {
        String id = postRequest(investigator, agency, body);
        publish(id);
        return id;
    }
}
