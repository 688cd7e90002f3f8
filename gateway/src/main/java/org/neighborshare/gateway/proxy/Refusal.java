package org.neighborshare.gateway.proxy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neighborshare.shared.problem.Problem;

/**
 * A rule of the gateway said no: the problem the client gets (status, title, detail, and headers such as
 * Retry-After). It fails the future of the call's steps; it carries no stack trace, since it is no error.
 */
public final class Refusal extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private List<Problem.FieldError> errors;

    private Refusal(int status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    public static Refusal of(int status, String title, String detail) {
        return new Refusal(status, title, detail);
    }

    /** Input the gateway can judge on its own is wrong: a 400 naming the field, like the services' problems. */
    public static Refusal invalidField(String field, String message) {
        Refusal refusal = new Refusal(400, "Bad Request", field + ": " + message);
        refusal.errors = List.of(new Problem.FieldError(field, message));
        return refusal;
    }

    public Problem toProblem(String instance) {
        return new Problem("about:blank", title, status, detail(), instance, errors);
    }

    public Refusal withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> headers() {
        return headers;
    }
}
