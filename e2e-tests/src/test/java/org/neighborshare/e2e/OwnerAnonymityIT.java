package org.neighborshare.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
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
        seen.add(read("the public (report)", Gateway.anonymous(), "/api/public/transparency", true));
        seen.add(read("the public (report)", Gateway.anonymous(), "/api/public/transparency.csv", true));
        // The public logs and their tiles, as anyone and as the agency fetches them (issue "accountability").
        for (String who : List.of("the public", "investigator")) {
            Supplier<RequestSpecification> as =
                    who.equals("the public") ? Gateway::anonymous : OwnerAnonymityIT::investigator;
            seen.addAll(publicLogs(who, as));
        }
        return seen;
    }

    /** Each log's list entry, checkpoint, every entry (decoded), its hash tiles and entry bundles, and proofs. */
    static List<Seen> publicLogs(String who, Supplier<RequestSpecification> as) {
        List<Seen> seen = new ArrayList<>();
        seen.add(read(who + " (logs)", as.get(), "/api/public/logs", true));
        for (String log : List.of("agency", "request", "consent")) {
            String base = "/api/public/logs/" + log;
            seen.add(read(who + " (log)", as.get(), base + "/checkpoint", true));
            long size = PublicLog.size(log);
            assertTrue(size > 0, "the " + log + " log has entries to sweep");
            for (long start = 0; start < size; start += 1000) {
                Response page = as.get()
                        .queryParam("start", start)
                        .queryParam("limit", Math.min(1000, size - start))
                        .get(base + "/entries");
                StringBuilder text = new StringBuilder(page.asString()).append('\n');
                for (String entry : page.jsonPath().getList("entry", String.class)) {
                    text.append(new String(Base64.getDecoder().decode(entry), StandardCharsets.UTF_8))
                            .append('\n');
                }
                seen.add(new Seen(
                        who + " (log) GET " + base + "/entries?start=" + start, page.statusCode(), text.toString()));
            }
            seen.add(read(who + " (log)", as.get(), base + "/entries/" + (size - 1), true));
            seen.add(read(who + " (log)", as.get(), base + "/proof/inclusion?index=0", true));
            // tlog-tiles: every full tile of level 0 and the partial one at the right edge, with their bundles.
            for (long n = 0; n * 256 < size; n++) {
                long width = Math.min(256, size - n * 256);
                String suffix = tileIndex(n) + (width == 256 ? "" : ".p/" + width);
                seen.add(read(who + " (tile)", as.get(), base + "/tile/0/" + suffix, true));
                seen.add(read(who + " (tile)", as.get(), base + "/tile/entries/" + suffix, true));
            }
        }
        // An owner is a commitment per request: the same neighbour cannot be followed from one request to the next.
        Map<String, Set<String>> requestsOf = new LinkedHashMap<>();
        for (org.neighborshare.shared.audit.AuditFact f : PublicLog.facts("consent")) {
            f.string("owner")
                    .ifPresent(owner -> f.string("request")
                            .ifPresent(r -> requestsOf
                                    .computeIfAbsent(owner, k -> new HashSet<>())
                                    .add(r)));
        }
        assertFalse(requestsOf.isEmpty(), "the consent log names owners by commitment");
        requestsOf.forEach((owner, requests) ->
                assertEquals(1, requests.size(), "the owner commitment " + owner + " links requests " + requests));
        for (Seen x : seen) {
            assertEquals(200, x.status(), x.what() + "\n" + x.text());
            assertFalse(x.text().toLowerCase(Locale.ROOT).contains("declin"), x.what() + " mentions a decline");
        }
        return seen;
    }

    /** A tile index in the tlog-tiles path form: 3-digit groups, all but the last prefixed with x. */
    static String tileIndex(long n) {
        String digits = Long.toString(n);
        while (digits.length() % 3 != 0) {
            digits = "0" + digits;
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 3) {
            if (i > 0) {
                path.append('/');
            }
            if (i + 3 < digits.length()) {
                path.append('x');
            }
            path.append(digits, i, i + 3);
        }
        return path.toString();
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
