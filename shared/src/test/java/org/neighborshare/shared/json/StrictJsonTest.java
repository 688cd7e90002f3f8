package org.neighborshare.shared.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neighborshare.shared.problem.Problem;
import org.neighborshare.shared.problem.ProblemMappers;

/** The one JSON configuration: a document is read exactly as written, or refused naming the field. */
class StrictJsonTest {

    enum Kind {
        POLICE,
        FIRE
    }

    record Official(String name, String title) {}

    record Body(
            String name,
            int count,
            Integer optional,
            long big,
            boolean flag,
            Kind kind,
            Instant at,
            List<String> tags,
            Official official,
            JsonNode shape,
            Map<String, String> labels) {}

    /** As Quarkus builds it: JavaTimeModule and fail-on-unknown-properties, then the customizer. */
    static final ObjectMapper JSON = StrictJson.apply(new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

    static final String GOOD = """
            {"name":"Riverton PD\\tnight shift\\nline two\\r","count":3,"optional":null,"big":12345678901,
             "flag":true,"kind":"POLICE","at":"2025-01-31T22:15:00Z","tags":["a","b"],
             "official":{"name":"Jane","title":"Chief"},"shape":{"type":"Polygon","coordinates":[[1.5,2]]},
             "labels":{"k":"v"}}""";

    @Test
    void aWellFormedDocumentIsReadAsWritten() throws Exception {
        Body b = JSON.readValue(GOOD, Body.class);
        assertEquals("Riverton PD\tnight shift\nline two\r", b.name());
        assertEquals(3, b.count());
        assertEquals(12345678901L, b.big());
        assertEquals(Kind.POLICE, b.kind());
        assertEquals(Instant.parse("2025-01-31T22:15:00Z"), b.at());
        assertEquals("Chief", b.official().title());
        assertEquals("Polygon", b.shape().path("type").asText());
        assertEquals(Map.of("k", "v"), b.labels());
    }

    @Test
    void aNulOrOtherControlCharacterInAnyStringIsRefusedNamingTheField() {
        assertRefused(GOOD.replace("Riverton PD", "Riverton\\u0000PD"), "name", "control characters");
        assertRefused(GOOD.replace("Riverton PD", "Riverton\\u001bPD"), "name", "control characters");
        assertRefused(GOOD.replace("\"b\"]", "\"b\\u0000\"]"), "tags[1]", "control characters");
        assertRefused(GOOD.replace("\"Chief\"", "\"Chi\\u0000ef\""), "official.title", "control characters");
        assertRefused(GOOD.replace("\"Polygon\"", "\"Poly\\u0000gon\""), "shape", "control characters");
        assertRefused(GOOD.replace("{\"type\"", "{\"ty\\u0000pe\""), "shape", "control characters");
        assertRefused(GOOD.replace("{\"k\":", "{\"k\\u0000\":"), "labels", "control characters");
    }

    @Test
    void instantsOutsideWhatCanBeStoredAreRefused() {
        for (String at : List.of(
                "-5000-01-01T00:00:00Z", "+300000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z")) {
            assertRefused(GOOD.replace("2025-01-31T22:15:00Z", at), "at", "must be between");
        }
    }

    @Test
    void noNumberForAnEnumOrAString() {
        assertWrongType(GOOD.replace("\"POLICE\"", "0"), "kind");
        assertWrongType(GOOD.replace("\"Jane\"", "42"), "official.name");
        assertWrongType(GOOD.replace("\"Jane\"", "true"), "official.name");
        assertWrongType(GOOD.replace("[\"a\",", "[1,"), "tags[0]");
    }

    @Test
    void noStringForANumberOrBooleanNoFractionForAnIntegerNoNullForAPrimitive() {
        assertWrongType(GOOD.replace("\"count\":3", "\"count\":\"3\""), "count");
        assertWrongType(GOOD.replace("\"optional\":null", "\"optional\":\"7\""), "optional");
        assertWrongType(GOOD.replace("\"big\":12345678901", "\"big\":\"12345678901\""), "big");
        assertWrongType(GOOD.replace("\"flag\":true", "\"flag\":\"true\""), "flag");
        assertWrongType(GOOD.replace("\"flag\":true", "\"flag\":1"), "flag");
        assertWrongType(GOOD.replace("\"count\":3", "\"count\":3.5"), "count");
        assertWrongType(GOOD.replace("\"count\":3", "\"count\":null"), "count");
        assertWrongType(GOOD.replace("[\"a\",\"b\"]", "\"a\""), "tags");
    }

    @Test
    void nothingMayFollowTheDocument() {
        for (String trailing : List.of(" {}", "{\"name\":\"x\"}", " 1", " \"x\"")) {
            JsonMappingException e = assertThrows(
                    JsonMappingException.class, () -> JSON.readValue(GOOD + trailing, Body.class), trailing);
            Problem p = problem(new ProblemMappers().badJson(e, null));
            assertEquals(400, p.status());
            assertEquals("body", p.errors().get(0).field(), p.detail());
            assertTrue(p.detail().contains("nothing after"), p.detail());
        }
        JsonProcessingException e =
                assertThrows(JsonProcessingException.class, () -> JSON.readValue(GOOD + " ]", Body.class));
        assertEquals(400, problem(new ProblemMappers().malformedJson(e, null)).status());
    }

    @Test
    void aKeyTwiceIsRefusedNamingIt() {
        assertDuplicate(GOOD.replace("\"count\":3", "\"count\":3,\"count\":4"), "count");
        assertDuplicate(
                GOOD.replace("\"title\":\"Chief\"", "\"title\":\"Chief\",\"title\":\"Deputy\""), "official.title");
        assertDuplicate(GOOD.replace("\"type\":\"Polygon\"", "\"type\":\"Polygon\",\"type\":\"Point\""), "shape.type");
    }

    private static void assertRefused(String json, String field, String reason) {
        JsonMappingException e = assertThrows(JsonMappingException.class, () -> JSON.readValue(json, Body.class));
        assertInstanceOf(RefusedValueException.class, e);
        Problem p = problem(new ProblemMappers().badJson(e, null));
        assertEquals(400, p.status());
        assertEquals(field, p.errors().get(0).field(), p.detail());
        assertTrue(p.detail().contains(reason), p.detail());
    }

    private static void assertWrongType(String json, String field) {
        JsonMappingException e = assertThrows(JsonMappingException.class, () -> JSON.readValue(json, Body.class), json);
        Problem p = problem(new ProblemMappers().badJson(e, null));
        assertEquals(400, p.status());
        assertEquals(field, p.errors().get(0).field(), p.detail());
    }

    private static void assertDuplicate(String json, String field) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JSON.readValue(json, Body.class));
        // As Quarkus REST picks the mapper: the most specific exception type.
        Problem p = problem(
                e instanceof JsonMappingException m
                        ? new ProblemMappers().badJson(m, null)
                        : new ProblemMappers().malformedJson(e, null));
        assertEquals(400, p.status());
        assertEquals(field, p.errors().get(0).field(), p.detail());
        assertTrue(p.detail().contains("more than once"), p.detail());
    }

    private static Problem problem(jakarta.ws.rs.core.Response r) {
        return (Problem) r.getEntity();
    }
}
