package org.neighborshare.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neighborshare.portal.gateway.GatewayClient;
import org.neighborshare.portal.gateway.GatewayProblem;

/** A camera owner: cameras, the inbox (urgent first), answering with clips, shares, the access log, settings. */
@Path("/owner")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class OwnerPages {

    @Inject
    GatewayClient gateway;

    @Location("owner/inbox")
    Template inbox;

    @Location("owner/answer")
    Template answer;

    @Location("owner/cameras")
    Template cameras;

    @Location("owner/shares")
    Template shares;

    @Location("owner/access-log")
    Template accessLog;

    @Location("owner/settings")
    Template settings;

    @GET
    @Path("inbox")
    public TemplateInstance inbox(@QueryParam("done") String done) {
        List<JsonNode> items = new ArrayList<>();
        gateway.get("/api/me/inbox").forEach(items::add);
        items.sort(Comparator.comparing((JsonNode i) -> !i.path("urgent").asBoolean())
                .thenComparing(i -> i.path("receivedAt").asText(), Comparator.reverseOrder()));
        List<Object> rows = new ArrayList<>();
        items.forEach(i -> rows.add(JsonModel.of(i)));
        return inbox.data("inbox", rows).data("done", done != null);
    }

    @GET
    @Path("inbox/{requestId}")
    public TemplateInstance answerPage(@PathParam("requestId") UUID requestId) {
        return answerWith(requestId, Map.of(), null);
    }

    private TemplateInstance answerWith(UUID requestId, Map<String, String> errors, String msg) {
        JsonNode item = null;
        for (JsonNode i : gateway.get("/api/me/inbox")) {
            if (i.path("requestId").asText().equals(requestId.toString())) {
                item = i;
            }
        }
        if (item == null) {
            throw new GatewayProblem(404, "Not Found", "not in your inbox", Map.of(), null);
        }
        return answer.data("i", JsonModel.of(item))
                .data("cameras", JsonModel.list(gateway.get("/api/me/cameras")))
                .data("clips", List.of())
                .data("errors", errors)
                .data("formError", msg);
    }

    /** The page's upload (JavaScript, with the CSRF token in a header): streamed through to the gateway. */
    @POST
    @Path("clips")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(
            @QueryParam("cameraId") String cameraId,
            @QueryParam("recordedAt") String recordedAt,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") Long length,
            InputStream body) {
        String q = "?cameraId=" + URLEncoder.encode(cameraId == null ? "" : cameraId, StandardCharsets.UTF_8)
                + "&recordedAt=" + URLEncoder.encode(recordedAt == null ? "" : recordedAt, StandardCharsets.UTF_8);
        try {
            JsonNode clip = gateway.upload(
                    "/api/me/clips" + q,
                    contentType == null ? "application/octet-stream" : contentType,
                    length == null ? -1 : length,
                    body);
            return Response.status(201).entity(clip).build();
        } catch (GatewayProblem p) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("title", p.title());
            problem.put("status", p.status());
            problem.put("detail", p.message());
            List<Map<String, String>> errors = new ArrayList<>();
            p.fieldErrors().forEach((f, m) -> errors.add(Map.of("field", f, "message", m)));
            problem.put("errors", errors);
            return Response.status(p.status())
                    .type("application/problem+json")
                    .entity(problem)
                    .build();
        }
    }

    @POST
    @Path("inbox/{requestId}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("requestId") UUID requestId, MultivaluedMap<String, String> posted) {
        Map<String, String> f = FormInput.of(posted);
        Map<String, Object> body = new LinkedHashMap<>();
        String choice = f.getOrDefault("answer", "");
        body.put("answer", choice);
        if (choice.equals("SHARE")) {
            body.put("clipIds", posted.getOrDefault("clipIds", List.of()));
            String days = f.getOrDefault("retentionDays", "");
            try {
                body.put("retentionDays", days.isBlank() ? null : Integer.valueOf(days));
            } catch (NumberFormatException e) {
                return Response.status(400)
                        .entity(answerWith(
                                requestId,
                                Map.of("retentionDays", "must be a whole number"),
                                "Please correct the form."))
                        .build();
            }
            body.put("allowCopies", "true".equals(f.get("allowCopies")));
        }
        try {
            gateway.post("/api/me/inbox/" + requestId + "/response", body);
        } catch (GatewayProblem p) {
            if (!p.isFixableInput()) {
                throw p;
            }
            return Response.status(p.status())
                    .entity(answerWith(requestId, p.fieldErrors(), p.message()))
                    .build();
        }
        return Response.seeOther(URI.create("/owner/inbox?done=1")).build();
    }

    @GET
    @Path("cameras")
    public TemplateInstance cameras(@QueryParam("done") String done) {
        return camerasWith(done != null, Map.of(), Map.of(), null);
    }

    private TemplateInstance camerasWith(
            boolean done, Map<String, String> form, Map<String, String> errors, String msg) {
        JsonNode list = gateway.get("/api/me/cameras");
        List<Object> points = new ArrayList<>();
        for (JsonNode c : list) {
            points.add(Map.of(
                    "lat", c.path("latitude").asDouble(),
                    "lon", c.path("longitude").asDouble(),
                    "label", c.path("label").asText()));
        }
        return cameras.data("cameras", JsonModel.list(list))
                .data("points", JsonModel.text(points))
                .data("done", done)
                .data("form", form)
                .data("errors", errors)
                .data("formError", msg);
    }

    @POST
    @Path("cameras")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addCamera(MultivaluedMap<String, String> posted) {
        Map<String, String> f = FormInput.of(posted);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", f.get("label"));
        Map<String, String> local = new LinkedHashMap<>();
        for (String k : List.of("latitude", "longitude")) {
            String v = f.get(k);
            try {
                body.put(k, v == null || v.isBlank() ? null : Double.valueOf(v));
            } catch (NumberFormatException e) {
                local.put(k, "must be a number");
            }
        }
        if (!local.isEmpty()) {
            return Response.status(400)
                    .entity(camerasWith(false, f, local, "Please correct the form."))
                    .build();
        }
        try {
            gateway.post("/api/me/cameras", body);
        } catch (GatewayProblem p) {
            if (!p.isFixableInput()) {
                throw p;
            }
            return Response.status(p.status())
                    .entity(camerasWith(false, f, p.fieldErrors(), p.message()))
                    .build();
        }
        return Response.seeOther(URI.create("/owner/cameras?done=1")).build();
    }

    @POST
    @Path("cameras/{cameraId}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response camera(@PathParam("cameraId") UUID cameraId, @PathParam("action") String action) {
        switch (action) {
            case "pause", "resume" -> gateway.post("/api/me/cameras/" + cameraId + "/" + action, null);
            case "delete" -> gateway.delete("/api/me/cameras/" + cameraId);
            default -> throw new GatewayProblem(404, "Not Found", "no such action", Map.of(), null);
        }
        return Response.seeOther(URI.create("/owner/cameras?done=1")).build();
    }

    @GET
    @Path("shares")
    public TemplateInstance shares(@QueryParam("done") String done) {
        return shares.data("shares", JsonModel.list(gateway.get("/api/me/shares")))
                .data("done", done != null);
    }

    @POST
    @Path("shares/{shareId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("shareId") UUID shareId) {
        gateway.delete("/api/me/shares/" + shareId);
        return Response.seeOther(URI.create("/owner/shares?done=1")).build();
    }

    @GET
    @Path("access-log")
    public TemplateInstance accessLog() {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode a : gateway.get("/api/public/agencies")) {
            names.put(a.path("id").asText(), a.path("officialName").asText());
        }
        return accessLog
                .data("entries", JsonModel.list(gateway.get("/api/me/access-log")))
                .data("agencyNames", names);
    }

    @GET
    @Path("settings")
    public TemplateInstance settings(@QueryParam("done") String done) {
        return settings.data("done", done != null);
    }

    @POST
    @Path("settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSettings(MultivaluedMap<String, String> posted) {
        gateway.put(
                "/api/me/settings",
                Map.of("optedOut", "true".equals(FormInput.of(posted).get("optedOut"))));
        return Response.seeOther(URI.create("/owner/settings?done=1")).build();
    }
}
