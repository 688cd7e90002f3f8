package org.neighborshare.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neighborshare.portal.gateway.GatewayClient;
import org.neighborshare.portal.gateway.GatewayProblem;

/** Agency members: the agency-admin's members page, the investigator's requests and the clips shared for them. */
@Path("/agency/{agencyId}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AgencyPages {

    static final List<String> INCIDENT_TYPES = List.of(
            "BURGLARY",
            "THEFT",
            "VANDALISM",
            "ASSAULT",
            "ROBBERY",
            "HIT_AND_RUN",
            "MISSING_PERSON",
            "ARSON",
            "FIRE_INVESTIGATION",
            "HOMICIDE");

    @Inject
    GatewayClient gateway;

    @Location("agency/members")
    Template members;

    @Location("agency/requests")
    Template requests;

    @Location("agency/new-request")
    Template newRequest;

    @Location("agency/request")
    Template request;

    @GET
    @Path("members")
    public TemplateInstance members(@PathParam("agencyId") UUID agencyId, @QueryParam("done") String done) {
        return membersWith(agencyId, done != null, Map.of(), Map.of(), null);
    }

    private TemplateInstance membersWith(
            UUID agencyId, boolean done, Map<String, String> form, Map<String, String> errors, String msg) {
        return members.data("members", JsonModel.list(gateway.get("/api/agencies/" + agencyId + "/members")))
                .data("agencyId", agencyId)
                .data("done", done)
                .data("form", form)
                .data("errors", errors)
                .data("formError", msg);
    }

    @POST
    @Path("members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@PathParam("agencyId") UUID agencyId, MultivaluedMap<String, String> posted) {
        Map<String, String> f = FormInput.of(posted);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", f.get("email"));
        body.put("role", f.get("role"));
        try {
            gateway.post("/api/agencies/" + agencyId + "/members", body);
        } catch (GatewayProblem p) {
            if (!p.isFixableInput() && p.status() != 404) {
                throw p;
            }
            Map<String, String> errors = p.fieldErrors().isEmpty() ? Map.of("email", p.message()) : p.fieldErrors();
            return Response.status(p.status())
                    .entity(membersWith(agencyId, false, f, errors, p.message()))
                    .build();
        }
        return Response.seeOther(URI.create("/agency/" + agencyId + "/members?done=1"))
                .build();
    }

    @POST
    @Path("members/{userId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeMember(@PathParam("agencyId") UUID agencyId, @PathParam("userId") String userId) {
        gateway.delete("/api/agencies/" + agencyId + "/members/" + URLEncoder.encode(userId, StandardCharsets.UTF_8));
        return Response.seeOther(URI.create("/agency/" + agencyId + "/members?done=1"))
                .build();
    }

    @GET
    @Path("requests")
    public TemplateInstance requests(@PathParam("agencyId") UUID agencyId, @QueryParam("done") String done) {
        return requests.data(
                        "requests",
                        JsonModel.list(gateway.get("/api/agencies/" + agencyId + "/requests?page=0&size=100")))
                .data("agencyId", agencyId)
                .data("done", done != null);
    }

    @GET
    @Path("requests/new")
    public TemplateInstance newRequest(@PathParam("agencyId") UUID agencyId) {
        return newRequestWith(agencyId, Map.of("incidentType", "BURGLARY"), Map.of(), null);
    }

    private TemplateInstance newRequestWith(
            UUID agencyId, Map<String, String> form, Map<String, String> errors, String msg) {
        JsonNode mine = null;
        for (JsonNode a : gateway.get("/api/public/agencies")) {
            if (a.path("id").asText().equals(agencyId.toString())) {
                mine = a;
            }
        }
        String shape = PublicPages.shapes(mine == null ? List.of() : List.of(mine));
        return newRequest
                .data("agencyId", agencyId)
                .data("incidentTypes", INCIDENT_TYPES)
                .data("shape", shape)
                .data("form", form)
                .data("errors", errors)
                .data("formError", msg);
    }

    @POST
    @Path("requests/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createRequest(@PathParam("agencyId") UUID agencyId, MultivaluedMap<String, String> posted) {
        Map<String, String> f = FormInput.of(posted);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseNumber", f.get("caseNumber"));
        body.put("incidentType", f.get("incidentType"));
        body.put("description", f.get("description"));
        body.put("windowStart", f.get("windowStart"));
        body.put("windowEnd", f.get("windowEnd"));
        Map<String, Object> area = new LinkedHashMap<>();
        Map<String, String> local = new LinkedHashMap<>();
        area.put("latitude", number(f.get("latitude"), "area.latitude", local));
        area.put("longitude", number(f.get("longitude"), "area.longitude", local));
        area.put("radiusMeters", number(f.get("radiusMeters"), "area.radiusMeters", local));
        body.put("area", area);
        body.put("contact", f.get("contact"));
        body.put("emergency", "true".equals(f.get("emergency")));
        body.put("emergencyJustification", FormInput.blankToNull(f.get("emergencyJustification")));
        if (!local.isEmpty()) {
            return Response.status(400)
                    .entity(newRequestWith(agencyId, f, local, "Please correct the form."))
                    .build();
        }
        try {
            gateway.post("/api/agencies/" + agencyId + "/requests", body);
        } catch (GatewayProblem p) {
            if (!p.isFixableInput()) {
                throw p;
            }
            return Response.status(p.status())
                    .entity(newRequestWith(agencyId, f, p.fieldErrors(), p.message()))
                    .build();
        }
        return Response.seeOther(URI.create("/agency/" + agencyId + "/requests?done=1"))
                .build();
    }

    private static Double number(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null; // the API names the missing field
        }
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a number");
            return null;
        }
    }

    @GET
    @Path("requests/{requestId}")
    public TemplateInstance request(@PathParam("agencyId") UUID agencyId, @PathParam("requestId") UUID requestId) {
        JsonNode r = gateway.get("/api/agencies/" + agencyId + "/requests/" + requestId);
        JsonNode clips = gateway.get("/api/agencies/" + agencyId + "/requests/" + requestId + "/clips");
        return request.data("r", JsonModel.of(r))
                .data("clips", JsonModel.list(clips))
                .data("agencyId", agencyId);
    }

    @POST
    @Path("requests/{requestId}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("agencyId") UUID agencyId, @PathParam("requestId") UUID requestId) {
        gateway.post("/api/agencies/" + agencyId + "/requests/" + requestId + "/close", null);
        return Response.seeOther(URI.create("/agency/" + agencyId + "/requests/" + requestId))
                .build();
    }

    /** The clip, streamed from the gateway (which logs the download in the owner's access log). */
    @GET
    @Path("requests/{requestId}/clips/{clipId}")
    @Produces(MediaType.WILDCARD)
    public Response download(
            @PathParam("agencyId") UUID agencyId,
            @PathParam("requestId") UUID requestId,
            @PathParam("clipId") UUID clipId) {
        HttpResponse<InputStream> answer = gateway.download(
                "/api/agencies/" + agencyId + "/requests/" + requestId + "/clips/" + clipId + "/content");
        StreamingOutput body = out -> {
            try (InputStream in = answer.body()) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder r = Response.ok(body)
                .type(answer.headers().firstValue("Content-Type").orElse("application/octet-stream"))
                .header("Content-Disposition", "attachment; filename=\"clip-" + clipId + "\"")
                .header("Cache-Control", "no-store");
        answer.headers().firstValue("Content-Length").ifPresent(l -> r.header("Content-Length", l));
        return r.build();
    }
}
