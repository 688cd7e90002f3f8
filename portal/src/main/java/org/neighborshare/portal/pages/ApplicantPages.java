package org.neighborshare.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neighborshare.portal.gateway.GatewayClient;
import org.neighborshare.portal.gateway.GatewayProblem;

/** An applicant: the application form (jurisdiction drawn or pasted as GeoJSON) and their applications. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ApplicantPages {

    @Inject
    GatewayClient gateway;

    @Inject
    ObjectMapper json;

    @Location("applicant/apply")
    Template apply;

    @Location("applicant/applications")
    Template applications;

    @GET
    @Path("apply")
    public TemplateInstance form() {
        return apply.data("form", Map.of("type", "POLICE")).data("errors", Map.of());
    }

    @POST
    @Path("apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> posted) {
        Map<String, String> f = FormInput.of(posted);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("officialName", f.get("officialName"));
        body.put("type", f.get("type"));
        body.put("officialDomain", f.get("officialDomain"));
        body.put("website", f.get("website"));
        String shape = f.getOrDefault("jurisdiction", "");
        JsonNode jurisdiction;
        try {
            jurisdiction = shape.isBlank() ? null : json.readTree(shape);
        } catch (IOException e) {
            return again(f, Map.of("jurisdiction", "is not valid JSON: paste a GeoJSON Polygon or draw it on the map"));
        }
        body.put("jurisdiction", jurisdiction);
        Map<String, Object> official = new LinkedHashMap<>();
        official.put("name", f.get("officialPersonName"));
        official.put("title", f.get("officialTitle"));
        official.put("email", f.get("officialEmail"));
        body.put("authorizingOfficial", official);
        body.put("policyAccepted", "true".equals(f.get("policyAccepted")));
        try {
            gateway.post("/api/agency-applications", body);
        } catch (GatewayProblem p) {
            if (!p.isFixableInput()) {
                throw p;
            }
            return Response.status(p.status())
                    .entity(apply.data("form", f)
                            .data("errors", p.fieldErrors())
                            .data("formError", p.message()))
                    .build();
        }
        return Response.seeOther(URI.create("/applications?done=1")).build();
    }

    private Response again(Map<String, String> f, Map<String, String> errors) {
        return Response.status(400)
                .entity(apply.data("form", f).data("errors", errors).data("formError", "Please correct the form."))
                .build();
    }

    @GET
    @Path("applications")
    public TemplateInstance mine(@QueryParam("done") String done) {
        return applications
                .data("applications", JsonModel.list(gateway.get("/api/agency-applications/mine")))
                .data("done", done != null);
    }
}
