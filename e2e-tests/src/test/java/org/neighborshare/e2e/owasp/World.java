package org.neighborshare.e2e.owasp;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.neighborshare.e2e.DemoData;
import org.neighborshare.e2e.Gateway;
import org.neighborshare.e2e.Requests;

/**
 * Two approved agencies with members, owners, published requests and shared clips, built once per test JVM
 * through the gateway (and Keycloak's admin API for the users only), for the security suite's cross-tenant tests.
 *
 * <ul>
 *   <li>Agency A is the seeded Riverton PD: agency-admin {@code admin.okafor}, investigator {@code det.jones}.</li>
 *   <li>Agency B ("Bville PD") is enrolled here by its own chief, vetted by both reviewers, and its chief adds an
 *       investigator. Its users, like the two owners below, are dedicated to this suite.</li>
 *   <li>Owner A has a camera in Riverton (far from the demo cameras), owner B one in Bville. Each agency publishes a
 *       request over its owner's camera; each owner uploads a clip and shares it for that request.</li>
 * </ul>
 */
public final class World {

    public static final String B_DOMAIN = "bville-pd.example";
    public static final String B_POLYGON = "{\"type\":\"Polygon\",\"coordinates\":[[[-97.80,30.20],[-97.70,30.20],"
            + "[-97.70,30.30],[-97.80,30.30],[-97.80,30.20]]]}";
    public static final double B_LAT = 30.25;
    public static final double B_LON = -97.75;
    /** Inside Riverton's jurisdiction, about 2.5 km from the demo cameras, so other tests' requests miss it. */
    public static final double A_LAT = 45.505;

    public static final double A_LON = -122.645;

    public final String agencyA = DemoData.RIVERTON;
    public final String adminA = DemoData.AGENCY_ADMIN;
    public final String investigatorA = DemoData.INVESTIGATOR;
    public final String adminB = "owasp.chief.b";
    public final String investigatorB = "owasp.det.b";
    public final String ownerA = "owasp.owner.a";
    public final String ownerB = "owasp.owner.b";
    public final String tag = UUID.randomUUID().toString().substring(0, 8);
    public final String caseA = "OWASP-A-" + tag;
    public final String caseB = "OWASP-B-" + tag;
    public final String descriptionB = "Bville warehouse fire " + tag;
    public final String contactB = "tips-" + tag + "@bville-pd.example";
    public final String cameraLabelB = "Bville back yard " + tag;

    public String agencyB;
    public String adminBId;
    public String investigatorBId;
    public String investigatorAId;
    public String ownerAId;
    public String ownerBId;
    public String cameraA;
    public String cameraB;
    public String requestA;
    public String requestB;
    public String clipA;
    public String clipB;
    public String shareA;
    public String shareB;
    public String sha256A;
    public String sha256B;

    private static World world;

    private World() {}

    public static synchronized World get() {
        if (world == null) {
            World w = new World();
            w.build();
            world = w;
        }
        return world;
    }

    private void build() {
        adminBId = KeycloakUsers.ensure(adminB, "chief@" + B_DOMAIN, true);
        investigatorBId = KeycloakUsers.ensure(investigatorB, "det@" + B_DOMAIN, true);
        ownerAId = KeycloakUsers.ensure(ownerA, "owasp.owner.a@mail.example", true);
        ownerBId = KeycloakUsers.ensure(ownerB, "owasp.owner.b@mail.example", true);
        investigatorAId = subject(Gateway.token(investigatorA));

        agencyB = Enrolment.approvedAgency(adminB, "Bville Police Department", "POLICE", B_DOMAIN, B_POLYGON);
        Enrolment.addMember(adminB, agencyB, "det@" + B_DOMAIN, "investigator");
        Gateway.freshToken(investigatorB);

        cameraA = camera(ownerA, "Riverton side gate " + tag, A_LAT, A_LON);
        cameraB = camera(ownerB, cameraLabelB, B_LAT, B_LON);

        requestA = Enrolment.publishedRequest(
                investigatorA,
                agencyA,
                Enrolment.requestBody(
                        caseA, "Bike theft on Side Street " + tag, "detectives@riverton-pd.example", A_LAT, A_LON));
        requestB = Enrolment.publishedRequest(
                investigatorB, agencyB, Enrolment.requestBody(caseB, descriptionB, contactB, B_LAT, B_LON));
        Requests.awaitInbox(ownerA, ids -> ids.contains(requestA), Duration.ofSeconds(20));
        Requests.awaitInbox(ownerB, ids -> ids.contains(requestB), Duration.ofSeconds(20));

        byte[] bytesA = ("OWASP clip A " + tag).getBytes(StandardCharsets.UTF_8);
        byte[] bytesB = ("OWASP clip B " + tag).getBytes(StandardCharsets.UTF_8);
        sha256A = sha256(bytesA);
        sha256B = sha256(bytesB);
        clipA = uploadClip(ownerA, cameraA, withinWindow(investigatorA, agencyA, requestA), bytesA);
        clipB = uploadClip(ownerB, cameraB, withinWindow(investigatorB, agencyB, requestB), bytesB);
        shareA = share(ownerA, requestA, clipA);
        shareB = share(ownerB, requestB, clipB);

        // The legitimate side works, so that every refusal the tests see is a refusal and not a broken setup.
        Gateway.as(investigatorB)
                .get("/api/agencies/" + agencyB + "/requests/" + requestB + "/clips")
                .then()
                .statusCode(200)
                .body("clipId", hasItem(clipB));
        Gateway.as(investigatorA)
                .get("/api/agencies/" + agencyA + "/requests/" + requestA + "/clips")
                .then()
                .statusCode(200)
                .body("clipId", hasItem(clipA));
    }

    /** Everything of B that no one outside B (and owner B) may ever see. */
    public List<String> secretsOfB() {
        return List.of(
                caseB,
                descriptionB,
                contactB,
                sha256B,
                cameraLabelB,
                "det@" + B_DOMAIN,
                investigatorB,
                "owasp.owner.b");
    }

    /** Everything of A that no one outside A (and owner A) may ever see. */
    public List<String> secretsOfA() {
        return List.of(
                caseA,
                "Bike theft on Side Street " + tag,
                sha256A,
                "Riverton side gate " + tag,
                "sjones@riverton-pd.example",
                "owasp.owner.a");
    }

    public static String camera(String owner, String label, double lat, double lon) {
        return Gateway.as(owner)
                .body("{\"label\":\"%s\",\"latitude\":%s,\"longitude\":%s}".formatted(label, lat, lon))
                .post("/api/me/cameras")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static Instant withinWindow(String investigator, String agency, String request) {
        String start = Gateway.as(investigator)
                .get("/api/agencies/" + agency + "/requests/" + request)
                .then()
                .statusCode(200)
                .extract()
                .path("windowStart");
        return Instant.parse(start).plus(10, ChronoUnit.MINUTES);
    }

    public static Response upload(String owner, String cameraId, Instant recordedAt, byte[] bytes) {
        return Gateway.as(owner)
                .contentType("video/mp4")
                .queryParam("cameraId", cameraId)
                .queryParam("recordedAt", recordedAt.toString())
                .body(bytes)
                .post("/api/me/clips");
    }

    public static String uploadClip(String owner, String cameraId, Instant recordedAt, byte[] bytes) {
        return upload(owner, cameraId, recordedAt, bytes)
                .then()
                .statusCode(201)
                .body("sha256", equalTo(sha256(bytes)))
                .extract()
                .path("id");
    }

    public static String share(String owner, String request, String clip) {
        return Gateway.as(owner)
                .contentType(ContentType.JSON)
                .body("{\"answer\":\"SHARE\",\"clipIds\":[\"" + clip + "\"],\"retentionDays\":30}")
                .post("/api/me/inbox/" + request + "/response")
                .then()
                .statusCode(201)
                .body("answer", equalTo("SHARE"))
                .extract()
                .path("share.id");
    }

    public static String subject(String token) {
        String payload =
                new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getString("sub");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Number of requests an agency's investigator sees in its list. */
    public static int requestCount(String investigator, String agency) {
        return Gateway.as(investigator)
                .queryParam("size", 100)
                .get("/api/agencies/" + agency + "/requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id")
                .size();
    }

    static void assertState(String investigator, String agency, String request, String state) {
        assertEquals(
                state,
                Gateway.as(investigator)
                        .get("/api/agencies/" + agency + "/requests/" + request)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("state"),
                "state of request " + request);
    }
}
