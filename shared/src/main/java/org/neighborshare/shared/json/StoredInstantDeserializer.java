package org.neighborshare.shared.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import org.neighborshare.shared.time.StoredInstants;

/** Instants as JavaTimeModule reads them, but only those {@link StoredInstants} admits. */
final class StoredInstantDeserializer extends StdScalarDeserializer<Instant> {

    private final JsonDeserializer<Instant> iso = InstantDeserializer.INSTANT;

    StoredInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        Instant instant = iso.deserialize(p, ctxt);
        if (instant != null && !StoredInstants.holds(instant)) {
            throw new RefusedValueException(p, StoredInstants.RULE, Instant.class);
        }
        return instant;
    }

    @Override
    public boolean isCachable() {
        return true;
    }
}
