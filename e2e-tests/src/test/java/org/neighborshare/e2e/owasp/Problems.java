package org.neighborshare.e2e.owasp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Assertions on RFC 9457 problem responses shared by the security suite. */
public final class Problems {

    /** Text that only a stack trace, an exception or a framework's internals put into a response. */
    static final List<String> INTERNALS = List.of(
            "exception",
            "\tat ",
            "at org.",
            "at java.",
            "at io.",
            "java.lang",
            "java.io",
            "java.sql",
            "java.net",
            "io.vertx",
            "io.quarkus",
            "io.smallrye",
            "org.hibernate",
            "org.jboss",
            "com.fasterxml",
            "org.postgresql",
            "jakarta.",
            "sqlstate",
            ".java:",
            "caused by",
            "stacktrace",
            "stack trace",
            "org.neighborshare");

    private Problems() {}

    /** The response is a problem with one of {@code statuses}, its body matches its status, and it leaks nothing. */
    public static JsonPath assertProblem(Response r, int... statuses) {
        String what = r.statusCode() + " " + r.asString();
        assertTrue(
                Arrays.stream(statuses).anyMatch(s -> s == r.statusCode()),
                "expected one of " + Arrays.toString(statuses) + ", got " + what);
        assertNotNull(r.contentType(), "no Content-Type: " + what);
        assertTrue(
                r.contentType().startsWith("application/problem+json"),
                "not a problem: " + r.contentType() + " " + what);
        JsonPath body = r.jsonPath();
        assertEquals(r.statusCode(), body.getInt("status"), "status in the body: " + what);
        assertNotNull(body.getString("title"), "title: " + what);
        assertNoInternals(r.asString());
        return body;
    }

    /** {@link #assertProblem} that hands the response back, for chaining. */
    public static Response assertProblemResponse(Response r, int... statuses) {
        assertProblem(r, statuses);
        return r;
    }

    /** No stack trace, exception class or framework package name in {@code text}. */
    public static void assertNoInternals(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String marker : INTERNALS) {
            assertFalse(lower.contains(marker), "response leaks internals (" + marker.strip() + "): " + text);
        }
    }

    /** None of {@code secrets} appears in the response body. */
    public static void assertLeaksNothing(Response r, List<String> secrets, String call) {
        String body = r.asString();
        for (String secret : secrets) {
            assertFalse(body.contains(secret), call + " leaked '" + secret + "': " + body);
        }
    }

    /**
     * Two refusals are indistinguishable: same status, same title, same detail once the ids the caller sent are
     * taken out. An object of someone else answers exactly like one that does not exist.
     */
    public static void assertSameRefusal(
            Response forOther, List<String> otherIds, Response forMissing, List<String> missingIds, String call) {
        assertEquals(
                forMissing.statusCode(),
                forOther.statusCode(),
                call + ": status differs from a missing id: " + forOther.asString() + " vs " + forMissing.asString());
        JsonPath a = forOther.jsonPath();
        JsonPath b = forMissing.jsonPath();
        assertEquals(b.getString("title"), a.getString("title"), call + ": title differs");
        assertEquals(
                anonymise(b.getString("detail"), missingIds),
                anonymise(a.getString("detail"), otherIds),
                call + ": detail differs");
    }

    private static String anonymise(String text, List<String> ids) {
        String out = String.valueOf(text);
        for (int i = 0; i < ids.size(); i++) {
            out = out.replace(ids.get(i), "<id" + i + ">");
        }
        return out;
    }
}
