package org.neighborshare.e2e.owasp;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.e2e.DemoData;
import org.neighborshare.e2e.Gateway;
import org.neighborshare.e2e.Requests;
import org.neighborshare.e2e.RunningSuite;

/**
 * OWASP API7:2023 Server Side Request Forgery: no URL a client supplies is ever fetched. A {@link Canary} listens on
 * a local port; URLs pointing at it go into every field that takes one (an agency's website, a GeoJSON "crs" link,
 * a request's contact and description, a token's key URLs, the request line and Host headers), the platform runs
 * its whole flow over them, and the canary must see no connection at all.
 */
@ExtendWith(RunningSuite.class)
class Api7ServerSideRequestForgeryIT {

    static World w;

    @BeforeAll
    static void world() {
        w = World.get();
    }

    @Test
    void anAgencysWebsiteIsNeverFetchedFromApplicationThroughVettingToThePublicDirectory() throws Exception {
        try (Canary canary = new Canary()) {
            String domain = "ssrf-" + w.tag + "-pd.example";
            String chief = "owasp.chief.ssrf";
            KeycloakUsers.ensure(chief, "chief@" + domain, true);
            String website = canary.url("https", "/website?from=application");
            String jurisdiction = "{\"type\":\"Polygon\",\"crs\":{\"type\":\"link\",\"properties\":{\"href\":\""
                    + canary.url("http", "/crs")
                    + "\",\"type\":\"proj4\"}},\"coordinates\":[[[-97.80,30.20],[-97.70,30.20],"
                    + "[-97.70,30.30],[-97.80,30.30],[-97.80,30.20]]]}";
            String id = Gateway.as(chief)
                    .body(Enrolment.application("SSRF PD", "POLICE", domain, website, jurisdiction))
                    .post("/api/agency-applications")
                    .then()
                    .statusCode(201)
                    .body("website", equalTo(website))
                    .extract()
                    .path("id");
            Gateway.as(DemoData.REVIEWER_1).get("/api/vetting/" + id).then().statusCode(200);
            Gateway.as(DemoData.REVIEWER_1).get("/api/vetting/queue").then().statusCode(200);
            org.neighborshare.e2e.Agencies.vetAndApprove(id);
            Gateway.freshToken(chief);
            Gateway.as(chief).get("/api/agencies/" + id + "/members").then().statusCode(200);
            Response directory = Gateway.anonymous().get("/api/public/agencies");
            directory.then().statusCode(200).body("find { it.id == '" + id + "' }.website", equalTo(website));
            // The "crs" link is not even kept: nothing downstream of the public directory is invited to follow it.
            assertFalse(directory.asString().contains(canary.url("http", "/crs")), "the crs link is republished");

            Thread.sleep(1500); // anything asynchronous (a link checker, a preview) would have called by now
            canary.assertUntouched("the platform connected to the agency's website:");
        }
    }

    @Test
    void urlsInAFootageRequestAreNeverFetchedOnTheirWayToOwners() throws Exception {
        try (Canary canary = new Canary()) {
            String body = Enrolment.requestBody(
                    "SSRF-" + w.tag,
                    "See " + canary.url("http", "/description") + " and gopher://127.0.0.1:" + canary.port() + "/_x",
                    canary.url("http", "/contact"),
                    World.B_LAT,
                    World.B_LON);
            String id = Enrolment.publishedRequest(w.investigatorB, w.agencyB, body);
            Requests.awaitInbox(w.ownerB, ids -> ids.contains(id), Duration.ofSeconds(20));
            Gateway.anonymous()
                    .queryParam("size", 100)
                    .get("/api/public/requests")
                    .then()
                    .statusCode(200);
            Thread.sleep(1500);
            canary.assertUntouched("a URL of a request was fetched:");
        }
    }

    @Test
    void nonHttpsAndMalformedWebsitesAreRefusedNamingTheField() throws Exception {
        try (Canary canary = new Canary()) {
            String domain = "scheme-" + w.tag + "-pd.example";
            String chief = "owasp.chief.scheme";
            KeycloakUsers.ensure(chief, "chief@" + domain, true);
            List<String> refused = List.of(
                    canary.url("http", "/"),
                    "file:///etc/passwd",
                    canary.url("gopher", "/_GET"),
                    "javascript:alert(document.domain)",
                    "ftp://127.0.0.1:" + canary.port() + "/",
                    "dict://127.0.0.1:" + canary.port() + "/",
                    "jar:https://x.example/a.jar!/",
                    "https:///etc/passwd",
                    "https://springfield-pd.example@127.0.0.1:" + canary.port() + "/",
                    "https://localhost:" + canary.port() + "/",
                    "//127.0.0.1:" + canary.port() + "/",
                    "https://pd.example/\\evil");
            for (String website : refused) {
                Response r = Gateway.as(chief)
                        .body(Enrolment.application(
                                "Scheme PD", "POLICE", domain, website.replace("\\", "\\\\"), World.B_POLYGON))
                        .post("/api/agency-applications");
                assertEquals("website", Problems.assertProblem(r, 400, 422).getString("errors[0].field"), website);
            }
            Gateway.as(chief)
                    .get("/api/agency-applications/mine")
                    .then()
                    .statusCode(200)
                    .body("size()", equalTo(0));
            canary.assertUntouched("a refused website was fetched:");
        }
    }

    @Test
    void tokenKeyUrlsAreNeverFetched() throws Exception {
        try (Canary canary = new Canary()) {
            String[] real = Gateway.token(DemoData.ALICE).split("\\.");
            var key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
            for (String header : List.of(
                    "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"attacker\",\"jku\":\""
                            + canary.url("http", "/jwks.json") + "\"}",
                    "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5u\":\"" + canary.url("http", "/cert.pem") + "\"}",
                    "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + canary.url("http", "/kid") + "\"}")) {
                String token = Api2BrokenAuthenticationIT.sign(
                        Api2BrokenAuthenticationIT.b64(header), real[1], key.getPrivate());
                Problems.assertProblem(Api2BrokenAuthenticationIT.bearer(token).get("/api/me/inbox"), 401);
            }
            Thread.sleep(500);
            canary.assertUntouched("the gateway fetched a key URL from a token:");
        }
    }

    @Test
    void theGatewayOnlyEverCallsItsOwnServices() throws Exception {
        try (Canary canary = new Canary()) {
            String target = "127.0.0.1:" + canary.port();
            // An absolute URI in the request line (as sent to a forward proxy), a Host header, forwarding headers.
            String answer = raw("GET http://" + target + "/api/public/agencies HTTP/1.1\r\nHost: " + target
                    + "\r\nConnection: close\r\n\r\n");
            assertFalse(answer.isEmpty(), "no answer to an absolute-form request");
            Gateway.anonymous()
                    .header("Host", target)
                    .get("/api/public/agencies")
                    .then()
                    .statusCode(200);
            Gateway.anonymous()
                    .header("X-Forwarded-Host", target)
                    .header("Forwarded", "host=" + target)
                    .header("X-Original-URL", "http://" + target + "/")
                    .header("X-Rewrite-URL", "http://" + target + "/")
                    .get("/api/public/agencies")
                    .then()
                    .statusCode(200);
            // Encoded and dot-segment paths stay on the gateway's routes.
            for (String path : List.of(
                    "/api/public/agencies/..%2f..%2f..%2f" + target,
                    "/api/public/agencies/%2e%2e/%2e%2e/q/health",
                    "/api/public/agencies/@" + target,
                    "/api/public/agencies//" + target)) {
                Response r = Gateway.anonymous().urlEncodingEnabled(false).get(path);
                assertFalse(r.asString().contains("\"checks\""), path + " reached a health endpoint: " + r.asString());
            }
            Thread.sleep(500);
            canary.assertUntouched("the gateway connected to a client-named host:");
        }
    }

    /** Sends raw bytes to the gateway and returns what it answers (for requests no HTTP client would send). */
    static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", RunningSuite.config().port("gateway"))) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
