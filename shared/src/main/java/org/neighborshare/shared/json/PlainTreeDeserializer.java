package org.neighborshare.shared.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import org.neighborshare.shared.input.PlainText;

/** Free-form JSON (a GeoJSON jurisdiction…): its keys and strings are plain text like every other. */
final class PlainTreeDeserializer extends StdDeserializer<JsonNode> {

    @SuppressWarnings("unchecked")
    private final JsonDeserializer<JsonNode> tree =
            (JsonDeserializer<JsonNode>) JsonNodeDeserializer.getDeserializer(JsonNode.class);

    PlainTreeDeserializer() {
        super(JsonNode.class);
    }

    @Override
    public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = tree.deserialize(p, ctxt);
        if (!plain(node)) {
            throw new RefusedValueException(p, PlainText.RULE, JsonNode.class);
        }
        return node;
    }

    @Override
    public JsonNode getNullValue(DeserializationContext ctxt) {
        return NullNode.getInstance(); // as Jackson's own tree reader: a JSON null is a NullNode
    }

    @Override
    public boolean isCachable() {
        return true;
    }

    private static boolean plain(JsonNode node) {
        if (node.isTextual()) {
            return PlainText.holds(node.textValue());
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!PlainText.holds(field.getKey()) || !plain(field.getValue())) {
                    return false;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (!plain(element)) {
                    return false;
                }
            }
        }
        return true;
    }
}
