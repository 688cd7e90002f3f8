package org.neighborshare.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;

/** The API's JSON as plain maps and lists, which the templates read by property name. */
final class JsonModel {

    private static final ObjectMapper PLAIN = JsonMapper.builder().build();

    private JsonModel() {}

    static Object of(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : PLAIN.convertValue(node, Object.class);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(JsonNode node) {
        Object o = of(node);
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(JsonNode node) {
        Object o = of(node);
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static String text(Object value) {
        try {
            return PLAIN.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
