package org.neighborshare.e2e.replicas;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.e2e.DemoData;
import org.neighborshare.e2e.Gateway;
import org.neighborshare.e2e.Requests;
import org.neighborshare.e2e.RunningSuite;
import org.neighborshare.launcher.Replica;
import org.neighborshare.launcher.SuiteConfig;
import org.neighborshare.testsupport.S3ProxyServer;

/**
 * consent-service as Kubernetes runs it: two replicas on one database and one S3 bucket (a real s3proxy), each
 * behind a gateway of its own (as pods behind a Service), beside the running suite's request-service,
 * agency-service and Keycloak. A clip uploaded through one replica downloads through the other; a published
 * request reaches each owner exactly once although both replicas poll the feed; retention deletes once with one
 * receipt; the replica delivering the feed is killed with SIGKILL in the middle of a burst and the other takes
 * over: nothing lost, nothing doubled.
 */
@ExtendWith(RunningSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoConsentReplicasIT {

    static final String DATABASE = "consent_replicas";
    /** A corner of Riverton no other test uses. */
    static final double LAT = 45.5055;

    static final double LON = -122.6955;

    static S3ProxyServer s3;
    static final List<Replica> replicas = new ArrayList<>();
    static Replica consentA;
    static Replica consentB;
    static Replica gatewayA;
    static Replica gatewayB;
    static String published;
    static String aliceCamera;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        SuiteConfig c = RunningSuite.config();
        try (Connection pg = DriverManager.getConnection(c.jdbcUrl("postgres"), "postgres", "postgres")) {
            pg.createStatement().execute("drop database if exists " + DATABASE);
            pg.createStatement().execute("create database " + DATABASE);
        }
        int base = c.port("gateway") + 20; // 18100.. moved by the e2e port offset like every other port
        int mgmt = c.managementPort("gateway") + 20;
        s3 = S3ProxyServer.start(
                Path.of(System.getProperty("neighbors.s3proxy.jar", "target/s3proxy/s3proxy.jar")),
                c.dataDir().resolve("s3proxy"),
                base + 10);
        Map<String, String> s3Config = Map.of(
                "consent.clips.store", "s3",
                "consent.clips.s3.endpoint", s3.endpoint(),
                "consent.clips.s3.bucket", "clips-replicas",
                "consent.clips.s3.access-key-id", S3ProxyServer.ACCESS_KEY,
                "consent.clips.s3.secret-access-key", S3ProxyServer.SECRET_KEY,
                "consent.clips.s3.create-bucket", "true",
                "consent.demo-data", "false",
                "consent.retention.check-every", "1s",
                "quarkus.datasource.jdbc.url", c.jdbcUrl(DATABASE));
        // Each consent replica calls out through "its" gateway, as a pod calls the gateway Service.
        consentA = start(
                c,
                "consent-service",
                "consent-a",
                base + 3,
                mgmt + 3,
                with(s3Config, "NEIGHBORS_GATEWAY_URL", "http://127.0.0.1:" + base));
        consentB = start(
                c,
                "consent-service",
                "consent-b",
                base + 4,
                mgmt + 4,
                with(s3Config, "NEIGHBORS_GATEWAY_URL", "http://127.0.0.1:" + (base + 1)));
        gatewayA = start(
                c, "gateway", "gateway-a", base, mgmt, Map.of("gateway.services.consent-service.url", consentA.url()));
        gatewayB = start(
                c,
                "gateway",
                "gateway-b",
                base + 1,
                mgmt + 1,
                Map.of("gateway.services.consent-service.url", consentB.url()));
    }

    static Replica start(SuiteConfig c, String service, String name, int port, int mgmt, Map<String, String> config) {
        Replica r = Replica.start(c, service, name, port, mgmt, config, Duration.ofMinutes(2));
        replicas.add(r);
        return r;
    }

    static Map<String, String> with(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    @AfterAll
    static void stop() {
        replicas.forEach(Replica::close);
        if (s3 != null) {
            s3.close();
        }
    }

    static RequestSpecification via(Replica gateway, String user) {
        return Gateway.as(user).baseUri(gateway.url());
    }

    @Test
    @Order(1)
    void aPublishedRequestReachesEachOwnerExactlyOnceThoughBothReplicasPollTheFeed() throws Exception {
        aliceCamera = camera(gatewayA, DemoData.ALICE);
        camera(gatewayB, DemoData.BOB);
        published = Requests.postAndPublishAt(uniqueCase("REPL-0"), LAT, LON);
        for (Replica gw : List.of(gatewayA, gatewayB)) {
            for (String owner : List.of(DemoData.ALICE, DemoData.BOB)) {
                awaitInbox(gw, owner, published, Duration.ofSeconds(20));
            }
        }
        Thread.sleep(3000); // several more polls of both replicas
        assertEquals(2, count("select count(*) from inbox_item where request_id = ?", published), "one item per owner");
        assertEquals(1, count("select count(*) from published_request where request_id = ?", published));
        assertEquals(0, duplicatesOfProcessedEvents());
        assertEquals(
                1,
                holdersOf("consent-feed").size(),
                "exactly one replica consumes the feed: " + holdersOf("consent-feed"));
    }

    @Test
    @Order(2)
    void aClipUploadedThroughOneReplicaDownloadsThroughTheOther() throws Exception {
        byte[] clip = video(3 * 1024 * 1024 + 17);
        Instant recordedAt = Instant.now().minus(150, ChronoUnit.MINUTES);
        String clipId = via(gatewayA, DemoData.ALICE)
                .contentType("video/mp4")
                .queryParam("cameraId", aliceCamera)
                .queryParam("recordedAt", recordedAt.toString())
                .body(clip)
                .post("/api/me/clips")
                .then()
                .statusCode(201)
                .body("sha256", equalTo(sha256(clip)))
                .extract()
                .path("id");
        via(gatewayB, DemoData.ALICE)
                .body("{\"answer\":\"SHARE\",\"clipIds\":[\"" + clipId + "\"]}")
                .post("/api/me/inbox/" + published + "/response")
                .then()
                .statusCode(201);
        String path = "/api/agencies/" + DemoData.RIVERTON + "/requests/" + published + "/clips/" + clipId + "/content";
        byte[] downloaded = via(gatewayB, DemoData.INVESTIGATOR)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertArrayEquals(clip, downloaded, "the bytes replica A stored are what replica B serves");
        byte[] again = via(gatewayA, DemoData.INVESTIGATOR)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertArrayEquals(clip, again);
        assertEquals(2, count("select count(*) from access_entry where clip_id = ?", clipId), "both downloads audited");
    }

    @Test
    @Order(3)
    void retentionDeletesOnceWithOneReceiptThoughBothReplicasRunTheJob() throws Exception {
        String shareId;
        try (Connection db = consentDb();
                PreparedStatement ps =
                        db.prepareStatement("select id from clip_share where request_id = ? and revoked_at is null")) {
            ps.setObject(1, UUID.fromString(published));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "Alice's share of the previous test");
                shareId = rs.getString(1);
            }
        }
        String clipId = single("select clip_id::text from share_clip where share_id = ?", shareId);
        // Retention is counted in days: move this share's end into the past instead of waiting for it.
        try (Connection db = consentDb();
                PreparedStatement ps = db.prepareStatement(
                        "update clip_share set expires_at = now() - interval '1 second' where id = ?")) {
            ps.setObject(1, UUID.fromString(shareId));
            assertEquals(1, ps.executeUpdate());
        }
        awaitTrue(
                () -> count("select count(*) from deletion_receipt where share_id = ?", shareId) > 0,
                Duration.ofSeconds(15));
        Thread.sleep(4000); // both replicas' retention schedules fire several more times
        assertEquals(1, count("select count(*) from deletion_receipt where share_id = ?", shareId), "one receipt");
        assertEquals(1, count("select count(*) from deletion_receipt where clip_id = ?", clipId));
        assertEquals(1, holdersOf("consent-retention").size(), "one replica runs retention");
        String path = "/api/agencies/" + DemoData.RIVERTON + "/requests/" + published + "/clips/" + clipId + "/content";
        for (Replica gw : List.of(gatewayA, gatewayB)) {
            via(gw, DemoData.INVESTIGATOR).get(path).then().statusCode(404);
        }
        try (Stream<Path> blobs = Files.walk(RunningSuite.config().dataDir().resolve("s3proxy/blobs"))) {
            assertTrue(
                    blobs.noneMatch(p -> p.getFileName()
                            .toString()
                            .contains(single("select storage_key from clip where id = ?::uuid", clipId))),
                    "the clip's bytes are gone from the bucket");
        }
    }

    @Test
    @Order(4)
    void theFeedReplicaKilledMidBurstIsTakenOverAndNothingIsLostOrDoubled() throws Exception {
        List<String> holders = holdersOf("consent-feed");
        assertEquals(1, holders.size(), holders.toString());
        Replica holder = holders.get(0).equals("consent-a") ? consentA : consentB;
        Replica survivor = holder == consentA ? consentB : consentA;
        Replica survivorGateway = survivor == consentA ? gatewayA : gatewayB;
        List<String> burst = new ArrayList<>();
        burst.add(Requests.postAndPublishAt(uniqueCase("REPL-1"), LAT, LON));
        burst.add(Requests.postAndPublishAt(uniqueCase("REPL-2"), LAT, LON));
        awaitTrue(
                () -> count("select count(*) from inbox_item where request_id = ?", burst.get(0)) == 2,
                Duration.ofSeconds(20));
        holder.kill(); // SIGKILL while the burst is being delivered
        Instant killedAt = Instant.now();
        burst.add(Requests.postAndPublishAt(uniqueCase("REPL-3"), LAT, LON));
        burst.add(Requests.postAndPublishAt(uniqueCase("REPL-4"), LAT, LON));
        for (String request : burst) {
            for (String owner : List.of(DemoData.ALICE, DemoData.BOB)) {
                awaitInbox(survivorGateway, owner, request, Duration.ofSeconds(30));
            }
        }
        Duration takeover = Duration.between(killedAt, Instant.now());
        System.out.printf(
                "TwoConsentReplicasIT: feed replica SIGKILLed, every request delivered by the other %d ms later%n",
                takeover.toMillis());
        Thread.sleep(3000);
        for (String request : burst) {
            assertEquals(2, count("select count(*) from inbox_item where request_id = ?", request), request);
        }
        for (String owner : List.of(DemoData.ALICE, DemoData.BOB)) {
            List<String> inbox = via(survivorGateway, owner)
                    .get("/api/me/inbox")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("requestId", String.class);
            for (String request : burst) {
                assertEquals(1, inbox.stream().filter(request::equals).count(), owner + " sees " + request + " once");
            }
        }
        assertEquals(0, duplicatesOfProcessedEvents());
        assertTrue(log(survivor).contains("this replica now runs job consent-feed"), "the survivor took the feed over");
        assertTrue(takeover.compareTo(Duration.ofSeconds(30)) < 0);
    }

    // --- helpers

    static String camera(Replica gw, String owner) {
        return via(gw, owner)
                .body("{\"label\":\"Replicas %s\",\"latitude\":%s,\"longitude\":%s}".formatted(owner, LAT, LON))
                .post("/api/me/cameras")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void awaitInbox(Replica gw, String owner, String request, Duration within) {
        awaitTrue(
                () -> via(gw, owner)
                        .get("/api/me/inbox")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("requestId", String.class)
                        .contains(request),
                within);
    }

    static void awaitTrue(BooleanSupplier condition, Duration within) {
        Instant until = Instant.now().plus(within);
        while (Instant.now().isBefore(until)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("not within " + within);
    }

    /** Which replicas say they run a job (each logs it when it takes the job's lock). */
    static List<String> holdersOf(String job) {
        List<String> holders = new ArrayList<>();
        for (Replica r : List.of(consentA, consentB)) {
            if (r.isAlive() && log(r).contains("this replica now runs job " + job)) {
                holders.add(r == consentA ? "consent-a" : "consent-b");
            }
        }
        return holders;
    }

    static String log(Replica r) {
        try {
            return Files.readString(r.log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static Connection consentDb() throws SQLException {
        return DriverManager.getConnection(RunningSuite.config().jdbcUrl(DATABASE), "postgres", "postgres");
    }

    static long count(String sql, String id) {
        try (Connection db = consentDb();
                PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String single(String sql, String id) {
        try (Connection db = consentDb();
                PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setObject(1, sql.contains("?::uuid") ? id : UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long duplicatesOfProcessedEvents() throws SQLException {
        try (Connection db = consentDb();
                ResultSet rs = db.createStatement()
                        .executeQuery("select count(*) from (select owner_id, request_id from inbox_item "
                                + "group by owner_id, request_id having count(*) > 1) d")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String uniqueCase(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    static byte[] video(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        // an MP4 'ftyp' box first, so the upload is taken for a video
        byte[] ftyp = {
            0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'
        };
        System.arraycopy(ftyp, 0, b, 0, ftyp.length);
        return b;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
