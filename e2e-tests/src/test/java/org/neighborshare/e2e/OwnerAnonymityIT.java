package org.neighborshare.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Invariant I2 through the running stack: nothing an agency (or the public) can read names, contacts or locates
 * an owner, or says who was asked or who declined; pseudonyms are per request. The starting state is
 * {@link SharingScenario}. (Suppression of counts below 5 in the public log is asserted elsewhere.)
 */
@ExtendWith(RunningSuite.class)
class OwnerAnonymityIT {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");
    /** UUIDs and long hex strings (hashes): the shapes a stable identifier would take. */
    private static final Pattern IDENTIFIER =
            Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,}");

    static SharingScenario s;

    @BeforeAll
    static void scenario() {
        s = SharingScenario.get();
    }

    /** One response someone outside the owners can read, as text: status, headers and (unless binary) body. */
    record Seen(String what, int status, String text) {}

    static Seen read(String what, RequestSpecification as, String path, boolean withBody) {
        Response r = as.get(path);
        String headers = r.getHeaders().asList().stream()
                .map(h -> h.getName() + ": " + h.getValue())
                .collect(Collectors.joining("\n"));
        return new Seen(what + " GET " + path, r.statusCode(), headers + "\n\n" + (withBody ? r.asString() : ""));
    }

    static RequestSpecification investigator() {
        return Gateway.as(DemoData.INVESTIGATOR);
    }

    /** Everything Riverton's investigator and admin, and the public, can read about R1 and R2. */
    static List<Seen> everythingOutsideTheOwnersCanRead() {
        String agency = "/api/agencies/" + DemoData.RIVERTON;
        List<Seen> seen = new ArrayList<>();
        seen.add(read("investigator", investigator(), agency + "/requests", true));
        for (String request : List.of(s.r1, s.r2)) {
            seen.add(read("investigator", investigator(), agency + "/requests/" + request, true));
            seen.add(read("investigator", investigator(), Clips.clipsPath(request), true));
            for (String clip : Clips.listedIds(request)) {
                // The bytes are the footage the owner chose to give; what comes with them must not say whose.
                seen.add(read("investigator", investigator(), Clips.contentPath(request, clip), false));
            }
        }
        seen.add(read("investigator (unshared clip)", investigator(), Clips.contentPath(s.r1, s.a2), true));
        seen.add(read("investigator (declined owner's clip)", investigator(), Clips.contentPath(s.r1, s.b2), true));
        seen.add(read("agency-admin", Gateway.as(DemoData.AGENCY_ADMIN), agency + "/members", true));
        seen.add(read("agency-admin", Gateway.as(DemoData.AGENCY_ADMIN), agency + "/requests", true));
        seen.add(read("agency-admin", Gateway.as(DemoData.AGENCY_ADMIN), Clips.clipsPath(s.r1), true));
        seen.add(read("the public", Gateway.anonymous(), "/api/public/requests", true));
        seen.add(read("the public", Gateway.anonymous(), "/api/public/agencies", true));
        // Routed by the gateway; request-service does not serve it yet (404), swept all the same.
        seen.add(read("the public (report)", Gateway.anonymous(), "/api/public/transparency", true));
        return seen;
    }

    @Test
    void nothingAnAgencyOrThePublicCanReadIdentifiesOrLocatesAnOwner() {
        List<Seen> seen = everythingOutsideTheOwnersCanRead();
        // Not a vacuous sweep: the agency's main views answered, with the shared clips in them.
        for (Seen x : seen) {
            if (x.what().startsWith("investigator GET") || x.what().startsWith("the public GET")) {
                assertEquals(200, x.status(), x.what() + "\n" + x.text());
            }
        }
        String all = seen.stream().map(Seen::text).collect(Collectors.joining("\n"));
        for (String clip : List.of(s.a1, s.a3, s.b1)) {
            assertTrue(all.contains(clip), "the sweep must see the shared clip " + clip);
        }

        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put(s.aliceSub, "Alice's user id (token sub)");
        secrets.put(s.bobSub, "Bob's user id (token sub)");
        secrets.put("alice@mail.example", "Alice's e-mail");
        secrets.put("bob@mail.example", "Bob's e-mail");
        secrets.put(DemoData.ALICE, "Alice's username");
        secrets.put(DemoData.BOB, "Bob's username");
        secrets.put("Alice Ward", "Alice's name");
        secrets.put("Bob Lund", "Bob's name");
        for (String owner : List.of(DemoData.ALICE, DemoData.BOB)) {
            for (String camera : Clips.cameraIds(owner)) {
                secrets.put(camera, owner + "'s camera id");
            }
        }
        secrets.put(SharingScenario.CAMERA_LABEL, "Alice's camera label");
        secrets.put("Front porch", "Alice's seeded camera label");
        secrets.put("Driveway", "Bob's seeded camera label");
        secrets.put("DECLINE", "an owner's decline");
        for (Seen x : seen) {
            secrets.forEach((secret, name) ->
                    assertFalse(x.text().contains(secret), x.what() + " reveals " + name + ":\n" + x.text()));
            // The camera's location, also rounded (anything within ~50 m of it).
            Matcher m = DECIMAL.matcher(x.text());
            while (m.find()) {
                double v = Double.parseDouble(m.group());
                if (Math.abs(v - SharingScenario.CAMERA_LAT) < 0.0005
                        || Math.abs(v - SharingScenario.CAMERA_LON) < 0.0005) {
                    fail(x.what() + " reveals the camera's location (" + m.group() + "):\n" + x.text());
                }
            }
        }
    }

    @Test
    void pseudonymsAreStableWithinARequestAndDifferAcrossRequests() {
        // R1: Alice shared first. R2: Bob shared first, then Alice.
        Clips.listed(s.r1)
                .then()
                .statusCode(200)
                .body("find { it.clipId == '" + s.a1 + "' }.neighbor", equalTo("Neighbor 1"));
        Clips.listed(s.r2)
                .then()
                .statusCode(200)
                .body("find { it.clipId == '" + s.b1 + "' }.neighbor", equalTo("Neighbor 1"))
                .body("find { it.clipId == '" + s.a3 + "' }.neighbor", equalTo("Neighbor 2"));

        // Stable within a request: Alice's further share for R2 comes under the same pseudonym.
        String extra = Clips.upload(DemoData.ALICE, s.aliceCamera, s.recordedAt.plusSeconds(420), Clips.video(10_007));
        var answer = Clips.share(DemoData.ALICE, s.r2, extra);
        try {
            assertEquals("Neighbor 2", answer.path("share.neighbor"));
            Clips.listed(s.r2)
                    .then()
                    .statusCode(200)
                    .body("find { it.clipId == '" + extra + "' }.neighbor", equalTo("Neighbor 2"))
                    .body("findAll { it.neighbor == 'Neighbor 2' }.clipId.toSet()", equalTo(Set.of(s.a3, extra)));
        } finally {
            Gateway.as(DemoData.ALICE)
                    .delete("/api/me/shares/" + answer.path("share.id"))
                    .then()
                    .statusCode(200);
        }

        // The owner sees the same pseudonyms for her shares.
        Gateway.as(DemoData.ALICE)
                .get("/api/me/shares")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + s.a1Share + "' }.neighbor", equalTo("Neighbor 1"))
                .body("find { it.id == '" + s.a3Share + "' }.neighbor", equalTo("Neighbor 2"));
    }

    @Test
    void theSameOwnersSharesForTwoRequestsCannotBeLinked() {
        Map<String, Object> inR1 = Clips.listed(s.r1)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("find { it.clipId == '" + s.a1 + "' }");
        Map<String, Object> inR2 = Clips.listed(s.r2)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("find { it.clipId == '" + s.a3 + "' }");
        // Every field of Alice's clip as the agency sees it differs between the two requests, except the ones that
        // describe the owner's choices or the file format: no field is a stable owner identifier.
        Set<String> notIdentifying = Set.of("contentType", "allowCopies");
        assertEquals(inR1.keySet(), inR2.keySet());
        for (String field : inR1.keySet()) {
            if (!notIdentifying.contains(field)) {
                assertNotEquals(
                        inR1.get(field),
                        inR2.get(field),
                        "field '" + field + "' is the same for Alice in R1 and R2: " + inR1 + " / " + inR2);
            }
        }

        // No identifier or hash the agency reads about R1 (list, download headers) also appears for R2.
        Set<String> r1 = identifiersSeenFor(s.r1);
        Set<String> r2 = identifiersSeenFor(s.r2);
        assertTrue(r1.contains(s.a1) && r2.contains(s.a3) && r2.contains(s.b1), "the sweep sees the clips");
        Set<String> common = new HashSet<>(r1);
        common.retainAll(r2);
        common.remove(DemoData.RIVERTON.toLowerCase(Locale.ROOT));
        assertEquals(Set.of(), common, "identifiers an agency could use to link R1's and R2's neighbours");
    }

    private static Set<String> identifiersSeenFor(String request) {
        List<Supplier<Seen>> reads = new ArrayList<>();
        reads.add(() -> read("investigator", investigator(), Clips.clipsPath(request), true));
        for (String clip : Clips.listedIds(request)) {
            reads.add(() -> read("investigator", investigator(), Clips.contentPath(request, clip), false));
        }
        Set<String> ids = new HashSet<>();
        for (Supplier<Seen> r : reads) {
            Seen x = r.get();
            // Per-call ids the gateway stamps on every response are not about the owner.
            String text = x.text().replaceAll("(?im)^x-request-id: .*$", "");
            Matcher m = IDENTIFIER.matcher(text);
            while (m.find()) {
                ids.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return ids;
    }

    @Test
    void aDeclineChangesNothingAnAgencyOrThePublicCanSee() {
        String agency = "/api/agencies/" + DemoData.RIVERTON;
        Supplier<List<String>> views = () -> List.of(
                investigator()
                        .get(agency + "/requests/" + s.r1)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                investigator()
                        .get(agency + "/requests")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                Clips.listed(s.r1).then().statusCode(200).extract().asString(),
                Gateway.anonymous()
                        .get("/api/public/requests")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        List<String> before = views.get();

        Clips.answer(DemoData.BOB, s.r1, "{\"answer\":\"DECLINE\"}", 200);
        Gateway.as(DemoData.BOB)
                .get("/api/me/inbox")
                .then()
                .statusCode(200)
                .body("find { it.requestId == '" + s.r1 + "' }.response", equalTo("DECLINE"));

        assertEquals(before, views.get(), "Bob's decline must leave every agency and public view of R1 unchanged");
        assertEquals(404, Clips.download(s.r1, s.b2).statusCode());
    }
}
