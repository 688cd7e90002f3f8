package org.neighborshare.shared.input;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The shared rules as a service applies them, through Quarkus REST: bad parameters and bodies are 400 problems
 * naming the field, store conflicts 409, never a 404 for a malformed id nor a 500.
 */
@QuarkusTest
class BadInputTest {

    static final String ID = UUID.randomUUID().toString();
    static final String GOOD = "{\"name\":\"Porch\",\"kind\":\"FIRE\",\"count\":2,\"flag\":true,"
            + "\"at\":\"2025-01-31T22:15:00Z\",\"tags\":[\"a\"],\"part\":{\"label\":\"lens\",\"size\":2}}";

    @Test
    void goodInputIsServed() {
        given().queryParam("page", "3")
                .queryParam("size", "100")
                .queryParam("after", "12345678901")
                .queryParam("q", "line\tone")
                .get("/test/things/" + ID)
                .then()
                .statusCode(200)
                .body("page", equalTo(3))
                .body("size", equalTo(100));
        given().contentType("application/json")
                .body(GOOD)
                .post("/test/things")
                .then()
                .statusCode(200)
                .body("kind", equalTo("FIRE"));
    }

    @Test
    void aPathIdThatIsNoUuidIs400NamingIt() {
        problem(given().get("/test/things/not-a-uuid"), 400, "thingId");
    }

    @Test
    void aNonNumericOrHugePageIs400NamingIt() {
        problem(given().queryParam("page", "abc").get("/test/things/" + ID), 400, "page");
        problem(given().queryParam("page", "2147483647").get("/test/things/" + ID), 400, "page");
        problem(given().queryParam("page", "99999999999").get("/test/things/" + ID), 400, "page");
        problem(given().queryParam("page", "-1").get("/test/things/" + ID), 400, "page");
        problem(given().queryParam("page", "10001").get("/test/things/" + ID), 400, "page");
        given().queryParam("page", "10000").get("/test/things/" + ID).then().statusCode(200);
        problem(given().queryParam("size", "0").get("/test/things/" + ID), 400, "size");
        problem(given().queryParam("size", "1e2").get("/test/things/" + ID), 400, "size");
        problem(given().queryParam("after", "0x10").get("/test/things/" + ID), 400, "after");
    }

    @Test
    void aNulInAQueryParameterIs400NamingIt() {
        problem(given().urlEncodingEnabled(false).get("/test/things/" + ID + "?q=a%00b"), 400, "q");
    }

    @Test
    void strictJsonThroughTheRestLayer() {
        body(GOOD.replace("Porch", "Po\\u0000rch"), "name");
        body(GOOD.replace("\"FIRE\"", "1"), "kind");
        body(GOOD.replace("\"count\":2", "\"count\":\"2\""), "count");
        body(GOOD.replace("\"Porch\"", "7"), "name");
        body(GOOD.replace("2025-01-31T22:15:00Z", "-5000-01-01T00:00:00Z"), "at");
        body(GOOD.replace("\"count\":2", "\"count\":2,\"count\":3"), "count");
        body(GOOD.replace("\"size\":2", "\"size\":2,\"size\":3"), "part.size");
        body(GOOD.replace("\"lens\"", "\"le\\u0000ns\""), "part.label");
        body(GOOD + "{}", "body");
    }

    @Test
    void storeConflictsAre409AndRefusedValues400() {
        given().post("/test/things/race/unique-at-commit")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already exists"));
        given().post("/test/things/race/optimistic")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("changed concurrently; retry"));
        given().post("/test/things/race/nul-in-text").then().statusCode(400).contentType("application/problem+json");
        given().post("/test/things/race/bug").then().statusCode(500).contentType("application/problem+json");
    }

    private static void body(String json, String field) {
        problem(given().contentType("application/json").body(json).post("/test/things"), 400, field);
    }

    private static void problem(io.restassured.response.Response r, int status, String field) {
        r.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void aRequestWithoutOrWithABrokenHostIsNeverA500() throws Exception {
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.test-port", Integer.class);
        for (String hostLines : new String[] {"", "Host: [[[\r\n", "Host: a\r\nHost: b\r\n"}) {
            String answer =
                    raw(port, "GET /test/things/" + ID + " HTTP/1.1\r\n" + hostLines + "Connection: close\r\n\r\n");
            // Quarkus REST serves these as it would with a Host; a failure Vert.x raises for them is a 4xx problem.
            org.junit.jupiter.api.Assertions.assertFalse(answer.startsWith("HTTP/1.1 5"), hostLines + " -> " + answer);
            if (answer.startsWith("HTTP/1.1 4")) {
                org.junit.jupiter.api.Assertions.assertTrue(answer.contains("application/problem+json"), answer);
            }
        }
    }

    private static String raw(int port, String request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }
}
