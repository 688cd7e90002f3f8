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
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.neighborshare.portal.gateway.GatewayClient;
import org.neighborshare.portal.gateway.GatewayProblem;

/** A platform reviewer: vetting with the checklist, moderation (emergencies first), agency decisions. */
@Path("/review")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ReviewerPages {

    /** The checklist items a reviewer ticks; the official domain and the policy come from the application. */
    static final List<String> TICKED_BY_REVIEWERS = List.of("JURISDICTION", "AUTHORIZING_OFFICIAL");

    static final Set<String> AGENCY_ACTIONS = Set.of("suspend", "reinstate", "revoke");

    @Inject
    GatewayClient gateway;

    @Location("reviewer/vetting")
    Template vetting;

    @Location("reviewer/vetting-one")
    Template vettingOne;

    @Location("reviewer/moderation")
    Template moderation;

    @Location("reviewer/agencies")
    Template agencies;

    @GET
    @Path("vetting")
    public TemplateInstance queue(@QueryParam("done") String done) {
        return vetting.data("queue", JsonModel.list(gateway.get("/api/vetting/queue")))
                .data("done", done != null);
    }

    @GET
    @Path("vetting/{agencyId}")
    public TemplateInstance one(@PathParam("agencyId") UUID agencyId) {
        return oneWith(agencyId, Map.of(), Map.of(), null);
    }

    private TemplateInstance oneWith(UUID agencyId, Map<String, String> form, Map<String, String> errors, String msg) {
        JsonNode v = gateway.get("/api/vetting/" + agencyId);
        List<String> tickable = new ArrayList<>(TICKED_BY_REVIEWERS);
        for (JsonNode c : v.path("checks")) {
            tickable.remove(c.path("item").asText());
        }
        JsonNode shape = v.path("agency").path("jurisdiction");
        String geojson = JsonModel.text(Map.of(
                "type",
                "FeatureCollection",
                "features",
                shape.isMissingNode()
                        ? List.of()
                        : List.of(Map.of("type", "Feature", "properties", Map.of(), "geometry", JsonModel.of(shape)))));
        return vettingOne
                .data("v", JsonModel.of(v))
                .data("tickable", tickable)
                .data("shape", geojson)
                .data("form", form)
                .data("errors", errors)
                .data("formError", msg);
    }

    @POST
    @Path("vetting/{agencyId}/checks/{item}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response tick(
            @PathParam("agencyId") UUID agencyId,
            @PathParam("item") String item,
            MultivaluedMap<String, String> posted) {
        if (!TICKED_BY_REVIEWERS.contains(item)) {
            throw new GatewayProblem(404, "Not Found", "no such checklist item", Map.of(), null);
        }
        Map<String, String> f = FormInput.of(posted);
        Map<String, Object> body = new HashMap<>();
        body.put("note", FormInput.blankToNull(f.get("note")));
        try {
            gateway.post("/api/vetting/" + agencyId + "/checks/" + item, body);
        } catch (GatewayProblem p) {
            if (!p.isFixableInput()) {
                throw p;
            }
            return Response.status(p.status())
                    .entity(oneWith(agencyId, f, p.fieldErrors(), p.message()))
                    .build();
        }
        return Response.seeOther(URI.create("/review/vetting/" + agencyId)).build();
    }

    @POST
    @Path("vetting/{agencyId}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("agencyId") UUID agencyId, MultivaluedMap<String, String> posted) {
        Map<String, String> f = FormInput.of(posted);
        Map<String, Object> body = new HashMap<>();
        body.put("decision", f.get("decision"));
        body.put("reason", f.get("reason"));
        try {
            gateway.post("/api/vetting/" + agencyId + "/decision", body);
        } catch (GatewayProblem p) {
            if (!p.isFixableInput()) {
                throw p;
            }
            return Response.status(p.status())
                    .entity(oneWith(agencyId, f, p.fieldErrors(), p.message()))
                    .build();
        }
        return Response.seeOther(URI.create("/review/vetting?done=1")).build();
    }

    @GET
    @Path("moderation")
    public TemplateInstance moderation(@QueryParam("done") String done) {
        return moderationWith(done != null, Map.of(), null);
    }

    private TemplateInstance moderationWith(boolean done, Map<String, String> errors, String msg) {
        List<JsonNode> queue = new ArrayList<>();
        gateway.get("/api/moderation/requests").forEach(queue::add);
        // Emergencies first, then oldest first.
        queue.sort(Comparator.comparing((JsonNode r) -> !r.path("emergency").asBoolean())
                .thenComparing(r -> r.path("createdAt").asText()));
        List<Object> rows = new ArrayList<>();
        queue.forEach(r -> rows.add(JsonModel.of(r)));
        return moderation
                .data("queue", rows)
                .data("done", done)
                .data("errors", errors)
                .data("formError", msg);
    }

    @POST
    @Path("moderation/{requestId}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response moderate(@PathParam("requestId") UUID requestId, MultivaluedMap<String, String> posted) {
        Map<String, String> f = FormInput.of(posted);
        Map<String, Object> body = new HashMap<>();
        body.put("decision", f.get("decision"));
        body.put("reason", f.get("reason"));
        try {
            gateway.post("/api/moderation/requests/" + requestId + "/decision", body);
        } catch (GatewayProblem p) {
            if (!p.isFixableInput()) {
                throw p;
            }
            return Response.status(p.status())
                    .entity(moderationWith(false, p.fieldErrors(), p.message()))
                    .build();
        }
        return Response.seeOther(URI.create("/review/moderation?done=1")).build();
    }

    @GET
    @Path("agencies")
    public TemplateInstance agencies(@QueryParam("done") String done) {
        return agenciesWith(done != null, Map.of(), null);
    }

    private TemplateInstance agenciesWith(boolean done, Map<String, String> errors, String msg) {
        return agencies.data("agencies", JsonModel.list(gateway.get("/api/public/agencies")))
                .data("done", done)
                .data("errors", errors)
                .data("formError", msg);
    }

    @POST
    @Path("agencies/{agencyId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decideAgency(@PathParam("agencyId") UUID agencyId, MultivaluedMap<String, String> posted) {
        Map<String, String> f = FormInput.of(posted);
        String action = f.getOrDefault("action", "");
        if (!AGENCY_ACTIONS.contains(action)) {
            return Response.status(400)
                    .entity(agenciesWith(false, Map.of("action", "choose suspend, reinstate or revoke"), "No action."))
                    .build();
        }
        try {
            gateway.post("/api/agencies/" + agencyId + "/" + action, Map.of("reason", f.getOrDefault("reason", "")));
        } catch (GatewayProblem p) {
            if (!p.isFixableInput()) {
                throw p;
            }
            return Response.status(p.status())
                    .entity(agenciesWith(false, p.fieldErrors(), p.message()))
                    .build();
        }
        return Response.seeOther(URI.create("/review/agencies?done=1")).build();
    }
}
