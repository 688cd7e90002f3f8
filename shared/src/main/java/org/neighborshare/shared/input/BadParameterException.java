package org.neighborshare.shared.input;

import jakarta.ws.rs.BadRequestException;

/**
 * A path, query or header parameter that cannot be read as its type. A {@code WebApplicationException}, so
 * that Quarkus REST passes it on as thrown instead of turning a path or query parameter into a 404.
 */
public class BadParameterException extends BadRequestException {

    private final String parameter;
    private final String reason;

    public BadParameterException(String parameter, String reason) {
        super(parameter + ": " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    public String parameter() {
        return parameter;
    }

    public String reason() {
        return reason;
    }
}
