package org.neighborshare.consent.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.neighborshare.consent.domain.Clip;
import org.neighborshare.consent.service.ClipService;
import org.neighborshare.shared.input.PageNumber;
import org.neighborshare.shared.input.PageSize;
import org.neighborshare.shared.problem.ProblemException;
import org.neighborshare.shared.security.Caller;
import org.neighborshare.shared.time.StoredInstants;

/**
 * An owner's clips. The upload body is the raw video; it is streamed to the clip store as it arrives (this is a
 * blocking endpoint reading an {@link InputStream}), never held whole in memory.
 */
@Path("/api/me/clips")
@RolesAllowed("owner")
public class ClipResource {

    @Inject
    ClipService clips;

    @Inject
    Caller caller;

    /**
     * Upload: {@code Content-Type} video/mp4, video/quicktime or video/webm; {@code cameraId} (one of the
     * caller's cameras) and {@code recordedAt} (ISO-8601 instant, start of the footage) as query parameters or
     * as the headers {@code X-Camera-Id} and {@code X-Recorded-At}.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(
            @QueryParam("cameraId") String cameraId,
            @QueryParam("recordedAt") String recordedAt,
            @HeaderParam("X-Camera-Id") String cameraIdHeader,
            @HeaderParam("X-Recorded-At") String recordedAtHeader,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            InputStream body) {
        String type = mediaType(contentType);
        if (!Clip.CONTENT_TYPES.contains(type)) {
            throw ProblemException.unsupportedMediaType(
                    "Content-Type", "a clip must be one of " + String.join(", ", Clip.CONTENT_TYPES));
        }
        UUID camera = uuid("cameraId", cameraId != null ? cameraId : cameraIdHeader);
        Instant recorded = instant("recordedAt", recordedAt != null ? recordedAt : recordedAtHeader);
        if (declaredLength(contentLength) > clips.maxSize()) {
            throw ClipService.tooLarge(clips.maxSize()); // before reading a byte
        }
        Clip c = clips.upload(caller.id(), camera, recorded, type, body);
        return Response.created(URI.create("/api/me/clips/" + c.id))
                .entity(ClipView.of(c))
                .build();
    }

    @GET
    public List<ClipView> list(
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("100") @PageSize int size) {
        return clips.list(caller.id(), page, size).stream().map(ClipView::of).toList();
    }

    @GET
    @Path("/{clipId}")
    public ClipView get(@PathParam("clipId") UUID clipId) {
        return ClipView.of(clips.get(caller.id(), clipId));
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    private static long declaredLength(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.malformedField(field, "is required");
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.malformedField(field, "must be a UUID");
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.malformedField(field, "is required");
        }
        try {
            return StoredInstants.require(field, Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw ProblemException.malformedField(field, "must be an ISO-8601 instant, e.g. 2025-01-31T22:15:00Z");
        }
    }
}
