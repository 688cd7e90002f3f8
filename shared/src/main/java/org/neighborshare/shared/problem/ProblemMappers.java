package org.neighborshare.shared.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.neighborshare.shared.input.BadParameterException;
import org.neighborshare.shared.json.RefusedValueException;

/**
 * Turns every exception that reaches the REST layer into an RFC 9457 response. Nothing else may write an
 * error body, so no stack trace can leave a service.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(), uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream()
                .map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid input");
        return respond(new Problem("about:blank", "Bad Request", 400, detail, null, errors), uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = e.getPropertyName();
        return respond(
                new Problem(
                        "about:blank",
                        "Bad Request",
                        400,
                        "unknown or read-only field: " + field,
                        null,
                        List.of(new Problem.FieldError(field, "unknown or read-only field"))),
                uri);
    }

    @ServerExceptionMapper({JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class})
    public Response badJson(JsonMappingException e, UriInfo uri) {
        if (duplicateKey(e).isPresent()) { // a nested object's duplicate arrives wrapped with the path so far
            return malformedJson(e, uri);
        }
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce(String::concat)
                .map(p -> p.startsWith(".") ? p.substring(1) : p)
                .orElse("body");
        String message = e instanceof RefusedValueException refused
                ? refused.reason()
                : String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")
                        ? "must hold one JSON document and nothing after it"
                        : "wrong type or format";
        return respond(
                new Problem(
                        "about:blank",
                        "Bad Request",
                        400,
                        field + ": " + message,
                        null,
                        List.of(new Problem.FieldError(field, message))),
                uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        Optional<String> duplicate = duplicateKey(e);
        if (duplicate.isPresent()) {
            return respond(
                    new Problem(
                            "about:blank",
                            "Bad Request",
                            400,
                            duplicate.get() + ": the key appears more than once",
                            null,
                            List.of(new Problem.FieldError(duplicate.get(), "the key appears more than once"))),
                    uri);
        }
        return respond(Problem.of(400, "Bad Request", "request body is not valid JSON"), uri);
    }

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e, UriInfo uri) {
        return respond(
                ProblemException.malformedField(e.parameter(), e.reason()).toProblem(), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return respond(Problem.of(401, "Unauthorized", "a valid token is required"), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "Forbidden", "your roles do not allow this"), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonMappingException cause) {
            return badJson(cause, uri);
        }
        if (e.getCause() instanceof JsonProcessingException cause) { // Quarkus REST wraps parse errors in a 400
            return malformedJson(cause, uri);
        }
        if (e instanceof NotFoundException
                && e.getCause() != null
                && !(e.getCause() instanceof WebApplicationException)) {
            // Quarkus REST's answer to a path or query parameter it could not convert: bad input, not a missing
            // resource.
            return respond(Problem.of(400, "Bad Request", "a path or query parameter has the wrong format"), uri);
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        String detail = status >= 500 ? "the service could not complete the request" : e.getMessage();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        return respond(Problem.of(status, type.getReasonPhrase(), detail), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        Optional<ProblemException> known = StoreConflicts.problemFor(e);
        if (known.isPresent()) {
            if (known.get().status() == 400) { // the store refused a value: some validation in front of it is missing
                LOG.warnf("a value reached the store unvalidated: %s", e.toString());
            } else {
                LOG.debugf("lost a race: %s", e.toString());
            }
            return respond(known.get().toProblem(), uri);
        }
        LOG.error("unexpected failure", e);
        return respond(Problem.of(500, "Internal Server Error", "the service could not complete the request"), uri);
    }

    static Response respond(Problem p, UriInfo uri) {
        Problem body = uri == null ? p : p.withInstance(uri.getPath());
        return Response.status(body.status())
                .type(Problem.MEDIA_TYPE)
                .entity(body)
                .build();
    }

    /** The path of a key that STRICT_DUPLICATE_DETECTION refused ("Duplicate field 'x'"), if that is the error. */
    static Optional<String> duplicateKey(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (!message.startsWith("Duplicate field '")) {
            return Optional.empty();
        }
        if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            if (pointer.length() > 1) {
                return Optional.of(pointer.substring(1).replace('/', '.'));
            }
        }
        return Optional.of(message.substring(
                "Duplicate field '".length(), Math.max(message.lastIndexOf('\''), "Duplicate field '".length())));
    }

    private static String fieldName(ConstraintViolation<?> v) {
        // Paths look like "create.arg0.officialName" or "create.body.officialName": keep the bean part.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2
                ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }
}
