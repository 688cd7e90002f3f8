package org.neighborshare.shared.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One fact of a public log: its type, when it happened, and its public attributes (strings or lists of strings).
 * Its entry is canonical JSON: keys sorted, no whitespace, UTF-8, {@code at} in ISO-8601 UTC to the millisecond,
 * so the same fact always gives the same bytes and the same leaf hash.
 *
 * <p>Attributes hold public values only: agency and request ids, a clip's SHA-256, reviewer ids, commitments,
 * reasons. Never an owner id, e-mail, camera id or location (I2).
 */
public final class AuditFact {

    private static final ObjectMapper CANONICAL =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final AuditEventType type;
    private final Instant at;
    private final Map<String, Object> attributes;

    private AuditFact(AuditEventType type, Instant at, Map<String, Object> attributes) {
        this.type = Objects.requireNonNull(type, "type");
        this.at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
        this.attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    public static AuditFact of(AuditEventType type, Instant at) {
        return new AuditFact(type, at, Map.of());
    }

    /** This fact with one more string attribute ({@code type} and {@code at} are reserved). */
    public AuditFact with(String key, String value) {
        return withValue(key, Objects.requireNonNull(value, key));
    }

    /** This fact with one more list attribute, in the given order. */
    public AuditFact with(String key, List<String> values) {
        return withValue(key, List.copyOf(values));
    }

    private AuditFact withValue(String key, Object value) {
        if (key.equals("type") || key.equals("at")) {
            throw new IllegalArgumentException("'" + key + "' is reserved");
        }
        Map<String, Object> next = new TreeMap<>(attributes);
        next.put(key, value);
        return new AuditFact(type, at, next);
    }

    public AuditEventType type() {
        return type;
    }

    public Instant at() {
        return at;
    }

    public Optional<String> string(String key) {
        Object value = attributes.get(key);
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String key) {
        Object value = attributes.get(key);
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }

    public Map<String, Object> attributes() {
        return attributes;
    }

    /** The canonical entry bytes. */
    public byte[] toEntry() {
        Map<String, Object> all = new TreeMap<>(attributes);
        all.put("type", type.wireName());
        all.put("at", at.toString());
        try {
            return CANONICAL.writeValueAsBytes(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit fact is always writable", e);
        }
    }

    /**
     * Reads an entry back; refuses anything that is not exactly the canonical form of a fact (so that a changed
     * byte, an unknown type or a reordered key is never read as a fact).
     */
    public static AuditFact parse(byte[] entry) {
        try {
            JsonNode node = CANONICAL.readTree(entry);
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException("an entry is a JSON object");
            }
            AuditEventType type = AuditEventType.fromWireName(text(object, "type"))
                    .orElseThrow(() -> new IllegalArgumentException("unknown entry type"));
            Instant at = Instant.parse(text(object, "at"));
            Map<String, Object> attributes = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("type") || field.getKey().equals("at")) {
                    continue;
                }
                attributes.put(field.getKey(), value(field.getKey(), field.getValue()));
            }
            AuditFact fact = new AuditFact(type, at, attributes);
            if (!java.util.Arrays.equals(fact.toEntry(), entry)) {
                throw new IllegalArgumentException("an entry is in canonical form");
            }
            return fact;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an audit entry: " + e.getMessage(), e);
        }
    }

    private static String text(ObjectNode object, String key) {
        JsonNode value = object.get(key);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + key + "' is a string");
        }
        return value.textValue();
    }

    private static Object value(String key, JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isArray()) {
            List<String> list = new ArrayList<>();
            value.forEach(v -> {
                if (!v.isTextual()) {
                    throw new IllegalArgumentException("'" + key + "' holds strings");
                }
                list.add(v.textValue());
            });
            return list;
        }
        throw new IllegalArgumentException("'" + key + "' is a string or a list of strings");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditFact other && java.util.Arrays.equals(toEntry(), other.toEntry());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(toEntry());
    }

    @Override
    public String toString() {
        return new String(toEntry(), StandardCharsets.UTF_8);
    }
}
