package org.neighborshare.load;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Real journeys through the gateway at fixed arrival rates, each user with a real Keycloak token (README, "Load
 * test of real journeys"):
 *
 * <ul>
 *   <li>public reader: the agency directory, the request log, the transparency report (no account);
 *   <li>owner: the inbox, then an answer to the first unanswered request — half the owners upload a small clip
 *       (video/mp4) and share it, the other half decline;
 *   <li>investigator: the agency's requests, then the clips shared for one of them and a download of one;
 *   <li>reviewer: the agency vetting queue and the request moderation queue;
 *   <li>publisher (at {@code PUBLISH_RATE}): the investigator posts a request over every owner's camera and a
 *       reviewer publishes it, so that the owners have requests to answer.
 * </ul>
 *
 * When the publishers stop, one last user checks that every request published during the run is in every
 * owner's inbox (each owner's camera lies in every request's area). Every request checks its expected status,
 * and the run fails on any failed request (and, with {@code P99_LIMIT_MS}, on a p99 above it).
 */
public class JourneysSimulation extends Simulation {

    private static final String AUTH = "Authorization";
    private static final String JSON = "application/json";
    private static final String RIVERTON_REQUESTS = "/api/agencies/" + LoadWorld.RIVERTON + "/requests";

    private final LoadConfig config = LoadConfig.fromEnvironment();
    private final LoadWorld world = LoadWorld.seed(config);
    private final Tokens tokens = new Tokens(config.keycloak(), world.users());
    private final Ledger ledger = new Ledger();
    private final JourneyStats stats = new JourneyStats();
    private final Footprint footprint = Footprint.of(config.pidsFile());
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private volatile Map<String, Footprint.Sample> startFootprint;
    private volatile long warmUpEndsNanos;

    private final HttpProtocolBuilder protocol =
            http.baseUrl(config.gateway()).acceptHeader(JSON).userAgentHeader("neighbors-load-test");

    private final ScenarioBuilder publicReader = scenario("public reader")
            .exec(timed("public", http("public: directory").get("/api/public/agencies"), status().is(200)))
            .exec(timed("public", http("public: request log").get("/api/public/requests"), status().is(200)))
            .exec(timed("public", http("public: transparency").get("/api/public/transparency"), status().is(200)));

    private final ScenarioBuilder owner = scenario("owner")
            .feed(listFeeder(owners()).circular())
            .exec(timed(
                    "owner",
                    http("owner: inbox").get("/api/me/inbox").header(AUTH, this::bearerOfUser),
                    status().is(200),
                    bodyString().saveAs("inbox")))
            .exec(this::pickUnanswered)
            .doIf(s -> !s.getString("request").isEmpty())
            .then(doIfOrElse(s -> s.getBoolean("shares"))
                    .then(exec(timed(
                                    "owner",
                                    http("owner: clip upload")
                                            .post("/api/me/clips")
                                            .header(AUTH, this::bearerOfUser)
                                            .header("Content-Type", "video/mp4")
                                            .queryParam("cameraId", "#{camera}")
                                            .queryParam("recordedAt", "#{recordedAt}")
                                            .body(ByteArrayBody(s -> clipBytes())),
                                    status().is(201),
                                    jsonPath("$.id").saveAs("clip")))
                            .exec(timed(
                                    "owner",
                                    http("owner: answer (share)")
                                            .post("/api/me/inbox/#{request}/response")
                                            .header(AUTH, this::bearerOfUser)
                                            .header("Content-Type", JSON)
                                            .body(StringBody("{\"answer\":\"SHARE\",\"clipIds\":[\"#{clip}\"],"
                                                    + "\"retentionDays\":30}")),
                                    status().is(201),
                                    jsonPath("$.answer").is("SHARE")))
                            .exec(s -> {
                                if (!s.isFailed()) {
                                    ledger.shared(s.getString("request"));
                                }
                                return s;
                            }))
                    .orElse(timed(
                            "owner",
                            http("owner: answer (decline)")
                                    .post("/api/me/inbox/#{request}/response")
                                    .header(AUTH, this::bearerOfUser)
                                    .header("Content-Type", JSON)
                                    .body(StringBody("{\"answer\":\"DECLINE\"}")),
                            status().is(200),
                            jsonPath("$.answer").is("DECLINE"))));

    private final ScenarioBuilder investigator = scenario("investigator")
            .exec(timed(
                    "investigator",
                    http("investigator: requests")
                            .get(RIVERTON_REQUESTS)
                            .header(AUTH, bearerOf(LoadWorld.INVESTIGATOR)),
                    status().is(200)))
            .exec(s -> {
                String shared = ledger.anyShared();
                return s.set("shared", shared == null ? "" : shared);
            })
            .doIf(s -> !s.getString("shared").isEmpty())
            .then(exec(timed(
                            "investigator",
                            http("investigator: clips")
                                    .get(RIVERTON_REQUESTS + "/#{shared}/clips")
                                    .header(AUTH, bearerOf(LoadWorld.INVESTIGATOR)),
                            status().is(200),
                            jsonPath("$[0].clipId").saveAs("clipId")))
                    .doIf(s -> s.contains("clipId"))
                    .then(timed(
                            "investigator",
                            http("investigator: clip download")
                                    .get(RIVERTON_REQUESTS + "/#{shared}/clips/#{clipId}/content")
                                    .header(AUTH, bearerOf(LoadWorld.INVESTIGATOR)),
                            status().is(200),
                            header("X-Content-SHA256").exists())));

    private final ScenarioBuilder reviewer = scenario("reviewer")
            .feed(listFeeder(LoadWorld.REVIEWERS.stream()
                            .map(r -> Map.<String, Object>of("user", r))
                            .toList())
                    .circular())
            .exec(timed(
                    "reviewer",
                    http("reviewer: vetting queue").get("/api/vetting/queue").header(AUTH, this::bearerOfUser),
                    status().is(200)))
            .exec(timed(
                    "reviewer",
                    http("reviewer: moderation queue")
                            .get("/api/moderation/requests")
                            .header(AUTH, this::bearerOfUser),
                    status().is(200)));

    private final ScenarioBuilder publisher = scenario("publisher")
            .exec(timed(
                    "publisher",
                    http("publisher: post request")
                            .post(RIVERTON_REQUESTS)
                            .header(AUTH, bearerOf(LoadWorld.INVESTIGATOR))
                            .header("Content-Type", JSON)
                            .body(StringBody(s -> requestBody())),
                    status().is(201),
                    jsonPath("$.id").saveAs("requestId")))
            .exec(timed(
                    "publisher",
                    http("publisher: publish")
                            .post("/api/moderation/requests/#{requestId}/decision")
                            .header(AUTH, bearerOf(LoadWorld.PUBLISHING_REVIEWER))
                            .header("Content-Type", JSON)
                            .body(StringBody(
                                    "{\"decision\":\"PUBLISH\",\"reason\":\"specific incident, proportionate area\"}")),
                    status().is(200),
                    jsonPath("$.state").is("PUBLISHED")))
            .exec(s -> {
                if (!s.isFailed()) {
                    ledger.published(s.getString("requestId"));
                }
                return s;
            });

    /** Requests reach inboxes within seconds (README, "Figures": publish to inbox); 30 s is the limit here. */
    private final ScenarioBuilder endCheck = scenario("end: every published request in every inbox")
            .foreach(world.owners.stream().map(LoadWorld.Owner::username).toList(), "user")
            .on(exec(s -> s.set("missing", 1).set("tries", 0))
                    .asLongAs(s -> s.getInt("missing") > 0 && s.getInt("tries") < 30)
                    .on(exec(http("end: inbox (until complete)")
                                    .get("/api/me/inbox")
                                    .header(AUTH, this::bearerOfUser)
                                    .check(status().is(200), bodyString().saveAs("inbox")))
                            .exec(s -> s.set("missing", missing(s.getString("inbox")))
                                    .set("tries", s.getInt("tries") + 1))
                            .doIf(s -> s.getInt("missing") > 0)
                            .then(pause(Duration.ofSeconds(1))))
                    .exec(http("end: every published request in the inbox")
                            .get("/api/me/inbox")
                            .header(AUTH, this::bearerOfUser)
                            .check(
                                    status().is(200),
                                    bodyString().transform(this::missing).is(0))));

    {
        setUp(
                        publicReader.injectOpen(
                                constantUsersPerSec(config.rate()).during(config.duration())),
                        owner.injectOpen(constantUsersPerSec(config.rate()).during(config.duration())),
                        investigator.injectOpen(
                                constantUsersPerSec(config.rate()).during(config.duration())),
                        reviewer.injectOpen(constantUsersPerSec(config.rate()).during(config.duration())),
                        publisher
                                .injectOpen(constantUsersPerSec(config.publishRate())
                                        .during(config.duration()))
                                .andThen(endCheck.injectOpen(atOnceUsers(1))))
                .protocols(protocol)
                .assertions(assertions());
    }

    @Override
    public void before() {
        System.out.printf(
                "journeys: %.2f users/s per journey, publishers %.2f/s, for %s (warm-up %s); %d owners%n",
                config.rate(), config.publishRate(), config.duration(), config.warmUp(), world.owners.size());
        warmUpEndsNanos = System.nanoTime() + config.warmUp().toNanos();
        Future<?> unused = sampler.schedule(
                () -> {
                    stats.start();
                    startFootprint = footprint.sample();
                },
                config.warmUp().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void after() {
        sampler.shutdownNow();
        tokens.close();
        System.out.println();
        System.out.println("Requests published during the run: " + ledger.publishedCount());
        System.out.println("Per journey, all its requests, after the warm-up:");
        System.out.print(stats.table());
        if (startFootprint != null) {
            System.out.println("Memory (heap: live, after a full GC; PostgreSQL: PSS of all its processes):");
            System.out.print(Footprint.table(startFootprint, footprint.sample()));
        }
    }

    private Assertion[] assertions() {
        List<Assertion> a = new ArrayList<>();
        // Zero unexpected statuses: every request names the status it expects.
        a.add(global().failedRequests().count().is(0L));
        if (config.p99LimitMs() != null) {
            a.add(global().responseTime().percentile(99.0).lte(config.p99LimitMs()));
        }
        return a.toArray(Assertion[]::new);
    }

    /**
     * The request with its checks, and its response time recorded for its journey (the time check comes first,
     * so that it is saved even when a later check fails).
     */
    private ChainBuilder timed(String journey, HttpRequestActionBuilder request, CheckBuilder... checks) {
        return exec(request.check(responseTimeInMillis().saveAs("rt")).check(checks))
                .exec(s -> {
                    if (s.contains("rt") && System.nanoTime() > warmUpEndsNanos) {
                        stats.record(journey, s.getLong("rt"));
                    }
                    return s.remove("rt");
                });
    }

    private Session pickUnanswered(Session s) {
        String inbox = s.getString("inbox");
        String[] first = inbox == null ? null : Ledger.firstUnanswered(inbox);
        Session out = s.remove("inbox").remove("clip");
        if (first == null) {
            return out.set("request", "");
        }
        // A clip recorded within the request's window, from the camera the request was sent for.
        return out.set("request", first[0])
                .set(
                        "recordedAt",
                        Instant.parse(first[1]).plus(10, ChronoUnit.MINUTES).toString());
    }

    private int missing(String inboxJson) {
        return inboxJson == null
                ? Integer.MAX_VALUE
                : ledger.missingFrom(inboxJson).size();
    }

    private List<Map<String, Object>> owners() {
        return world.owners.stream()
                .map(o -> Map.<String, Object>of("user", o.username(), "camera", o.cameraId(), "shares", o.shares()))
                .toList();
    }

    private String bearerOfUser(Session s) {
        return tokens.bearer(s.getString("user"));
    }

    private Function<Session, String> bearerOf(String user) {
        return s -> tokens.bearer(user);
    }

    private byte[] clipBytes() {
        byte[] b = new byte[config.clipBytes()];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    /** A burglary an hour long, ending two hours ago, 300 m around the point every owner's camera is near. */
    private static String requestBody() {
        Instant end = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"caseNumber":"LOAD-%s","incidentType":"BURGLARY","description":"Garage break-in on Elm Street",
                 "windowStart":"%s","windowEnd":"%s",
                 "area":{"latitude":%s,"longitude":%s,"radiusMeters":%d},
                 "contact":"detectives@riverton-pd.example"}""".formatted(
                        UUID.randomUUID(),
                        end.minus(1, ChronoUnit.HOURS),
                        end,
                        LoadWorld.CENTRE_LAT,
                        LoadWorld.CENTRE_LON,
                        LoadWorld.RADIUS_METERS);
    }
}
