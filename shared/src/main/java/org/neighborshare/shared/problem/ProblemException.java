package org.neighborshare.shared.problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by domain and service code to end a request with a specific problem response. Made only by the factories
 * below, one per answer the services give, so a status always comes with the same title and a problem naming
 * fields always says {@code field: message} in its detail.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    private ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    /** Input the store refused although it passed validation: 400 without a field to name. */
    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail, null);
    }

    /** Input that cannot be read at all (not a UUID, not a number, a control character…): 400 naming the field. */
    public static ProblemException malformedField(String field, String message) {
        return withFields(400, "Bad Request", List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, null);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not Found", what + " not found", null);
    }

    /** The stored state refuses the change (a state that does not allow it, a stored row it contradicts): 409. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, null);
    }

    /** The stored state refuses one input field (a domain already applied for, a user who may not be added): 409. */
    public static ProblemException conflictingField(String field, String message) {
        return conflictingFields(List.of(new Problem.FieldError(field, message)));
    }

    /** The stored state refuses these input fields: 409 naming each. */
    public static ProblemException conflictingFields(List<Problem.FieldError> errors) {
        return withFields(409, "Conflict", errors);
    }

    /** A unique row that a concurrent call created first (a unique or exclusion constraint refused this one). */
    public static ProblemException alreadyExists() {
        return new ProblemException(409, "Conflict", "the resource already exists", null);
    }

    /** Lost a race: another call changed the same rows first (optimistic lock, serialization failure, deadlock). */
    public static ProblemException changedConcurrently() {
        return new ProblemException(409, "Conflict", "the resource was changed concurrently; retry", null);
    }

    public static ProblemException contentTooLarge(String field, String message) {
        return withFields(413, "Content Too Large", List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException unsupportedMediaType(String field, String message) {
        return withFields(415, "Unsupported Media Type", List.of(new Problem.FieldError(field, message)));
    }

    /** Input that is well formed but breaks a rule: 422 naming the field. */
    public static ProblemException invalidField(String field, String message) {
        return invalidFields(List.of(new Problem.FieldError(field, message)));
    }

    /** Input that is well formed but breaks rules: 422 naming each field. */
    public static ProblemException invalidFields(List<Problem.FieldError> errors) {
        return withFields(422, "Unprocessable Content", errors);
    }

    /** A quota is used up: 429. */
    public static ProblemException tooManyRequests(String detail) {
        return new ProblemException(429, "Too Many Requests", detail, null);
    }

    /** A dependency (identity provider, another service) could not be reached: 503. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "Service Unavailable", detail, null);
    }

    private static ProblemException withFields(int status, String title, List<Problem.FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a problem about fields names at least one");
        }
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return new ProblemException(status, title, detail, errors);
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), null, errors);
    }

    public int status() {
        return status;
    }
}
