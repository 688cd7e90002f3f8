package org.neighborshare.shared.input;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/** A test-only API shaped like the services' (UUID path ids, paged lists, JSON bodies, store failures). */
@Path("/test/things")
public class BadInputResource {

    public enum Kind {
        POLICE,
        FIRE
    }

    public record Thing(String name, Kind kind, int count, boolean flag, Instant at, List<String> tags, Part part) {}

    public record Part(String label, double size) {}

    @GET
    @Path("/{thingId}")
    public Map<String, Object> list(
            @PathParam("thingId") UUID thingId,
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("20") @PageSize int size,
            @QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("q") @DefaultValue("") String q) {
        return Map.of("thingId", thingId, "page", page, "size", size, "after", after, "q", q);
    }

    @POST
    public Thing create(@NotNull @Valid Thing thing) {
        return thing;
    }

    @POST
    @Path("/race/{kind}")
    public void race(@PathParam("kind") String kind) throws Exception {
        switch (kind) {
            case "unique-at-commit" -> {
                RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
                commit.initCause(new ConstraintViolationException(
                        "could not execute statement",
                        new SQLException("duplicate key value violates unique constraint", "23505"),
                        "insert",
                        "k"));
                throw new ArcUndeclaredThrowableException(commit);
            }
            case "optimistic" -> throw new OptimisticLockException("Row was updated or deleted by another transaction");
            case "nul-in-text" -> throw new RuntimeException(new SQLException("invalid byte sequence 0x00", "22021"));
            default -> throw new IllegalStateException("a bug");
        }
    }
}
