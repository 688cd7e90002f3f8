package org.neighborshare.shared.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A JSON value of the right type that the strict rules refuse; {@link #reason()} says why, for the problem. */
public class RefusedValueException extends InvalidFormatException {

    private final String reason;

    public RefusedValueException(JsonParser parser, String reason, Class<?> targetType) {
        super(parser, reason, null, targetType); // never echo the value: it may hold the very bytes refused
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
