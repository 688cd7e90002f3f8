package org.neighborshare.shared.problem;

import java.util.List;

/** Thrown by domain and service code to end a request with a specific problem response. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail, null);
    }

    /** Input that is well formed but breaks a rule: 422 naming the field. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(422, "Unprocessable Content", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not Found", what + " not found", null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, null);
    }

    /** Input that cannot be read at all (not a UUID, not a number, a control character…): 400 naming the field. */
    public static ProblemException malformedField(String field, String message) {
        return new ProblemException(400, "Bad Request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** Something unique that is taken already: 409 naming the field. */
    public static ProblemException alreadyExists(String field, String message) {
        return new ProblemException(409, "Conflict", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** A unique row that a concurrent call created first (a unique or exclusion constraint refused this one). */
    public static ProblemException alreadyExists() {
        return new ProblemException(409, "Conflict", "the resource already exists", null);
    }

    /** Lost a race: another call changed the same rows first (optimistic lock, serialization failure, deadlock). */
    public static ProblemException changedConcurrently() {
        return new ProblemException(409, "Conflict", "the resource was changed concurrently; retry", null);
    }

    public static ProblemException tooManyRequests(String detail) {
        return new ProblemException(429, "Too Many Requests", detail, null);
    }

    /** A dependency (identity provider, another service) could not be reached: 503. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "Service Unavailable", detail, null);
    }

    public static ProblemException unsupportedMediaType(String field, String message) {
        return new ProblemException(415, "Unsupported Media Type", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException contentTooLarge(String field, String message) {
        return new ProblemException(413, "Content Too Large", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), null, errors);
    }

    public int status() {
        return status;
    }
}
