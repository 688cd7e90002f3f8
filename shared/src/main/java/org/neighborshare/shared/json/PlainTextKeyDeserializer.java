package org.neighborshare.shared.json;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import java.io.IOException;
import org.neighborshare.shared.input.PlainText;

/** Object keys read into a {@code Map<String, …>}: plain text too. */
final class PlainTextKeyDeserializer extends KeyDeserializer {

    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
        if (!PlainText.holds(key)) {
            throw new RefusedValueException(ctxt.getParser(), PlainText.RULE, String.class);
        }
        return key;
    }
}
