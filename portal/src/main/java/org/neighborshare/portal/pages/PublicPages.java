package org.neighborshare.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.neighborshare.portal.gateway.GatewayClient;
import org.neighborshare.portal.gateway.GatewayProblem;

/** The public record, no sign-in: home with live figures, the agency directory, the request log, one request. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    static final int LOG_PAGE = 50;

    @Inject
    GatewayClient gateway;

    @Inject
    Template home;

    @Location("public/directory")
    Template directory;

    @Location("public/requests")
    Template requests;

    @Location("public/request")
    Template request;

    @GET
    public TemplateInstance home() {
        JsonNode agencies = gateway.get("/api/public/agencies");
        Map<String, Long> byType = new TreeMap<>();
        long stopped = 0;
        for (JsonNode a : agencies) {
            String state = a.path("state").asText();
            if (state.equals("APPROVED")) {
                byType.merge(label(a.path("type").asText()), 1L, Long::sum);
            } else if (state.equals("SUSPENDED") || state.equals("REVOKED")) {
                stopped++;
            }
        }
        List<Map<String, Object>> types = new ArrayList<>();
        for (String t : List.of("Police", "Fire")) {
            byType.putIfAbsent(t, 0L);
        }
        byType.forEach((t, n) -> types.add(Map.of("type", t + " departments", "count", n)));
        JsonNode report = gateway.get("/api/public/transparency");
        return home.data("byType", types)
                .data("stopped", stopped)
                .data("report", JsonModel.of(report))
                .data("regularMedian", duration(report.path("regular").path("medianSecondsToDecision")))
                .data("emergencyMedian", duration(report.path("emergency").path("medianSecondsToDecision")));
    }

    @GET
    @Path("directory")
    public TemplateInstance directory() {
        JsonNode agencies = gateway.get("/api/public/agencies");
        return directory.data("agencies", JsonModel.list(agencies)).data("shapes", shapes(agencies));
    }

    @GET
    @Path("requests")
    public TemplateInstance requests(@QueryParam("page") @DefaultValue("0") int page) {
        int p = Math.max(0, Math.min(page, 100_000));
        JsonNode list = gateway.get("/api/public/requests?page=" + p + "&size=" + LOG_PAGE);
        return requests.data("requests", JsonModel.list(list))
                .data("page", p)
                .data("more", list.size() == LOG_PAGE)
                .data("agencyNames", agencyNames())
                .data("circles", circles(list));
    }

    @GET
    @Path("requests/{id}")
    public TemplateInstance request(@PathParam("id") String id) {
        // The public log has no single-request read: look through its pages (newest first).
        for (int p = 0; p < 20; p++) {
            JsonNode list = gateway.get("/api/public/requests?page=" + p + "&size=100");
            for (JsonNode r : list) {
                if (r.path("id").asText().equals(id)) {
                    List<JsonNode> one = List.of(r);
                    return request.data("r", JsonModel.of(r))
                            .data(
                                    "agencyName",
                                    agencyNames()
                                            .getOrDefault(r.path("agencyId").asText(), ""))
                            .data("circles", circles(one));
                }
            }
            if (list.size() < 100) {
                break;
            }
        }
        throw new GatewayProblem(404, "Not Found", "no published request has this id", Map.of(), null);
    }

    Map<String, String> agencyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode a : gateway.get("/api/public/agencies")) {
            names.put(a.path("id").asText(), a.path("officialName").asText());
        }
        return names;
    }

    /** A GeoJSON FeatureCollection of the jurisdictions, for the map. */
    static String shapes(Iterable<JsonNode> agencies) {
        List<Object> features = new ArrayList<>();
        for (JsonNode a : agencies) {
            if (a.hasNonNull("jurisdiction")) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("type", "Feature");
                f.put(
                        "properties",
                        Map.of(
                                "name",
                                a.path("officialName").asText(),
                                "state",
                                a.path("state").asText()));
                f.put("geometry", JsonModel.of(a.get("jurisdiction")));
                features.add(f);
            }
        }
        return JsonModel.text(Map.of("type", "FeatureCollection", "features", features));
    }

    static String circles(Iterable<JsonNode> requests) {
        List<Object> circles = new ArrayList<>();
        for (JsonNode r : requests) {
            JsonNode area = r.path("area");
            circles.add(Map.of(
                    "lat", area.path("latitude").asDouble(),
                    "lon", area.path("longitude").asDouble(),
                    "r", area.path("radiusMeters").asDouble(),
                    "label", r.path("caseNumber").asText()));
        }
        return JsonModel.text(circles);
    }

    static String label(String type) {
        return type.isEmpty() ? type : type.charAt(0) + type.substring(1).toLowerCase(Locale.ROOT);
    }

    static String duration(JsonNode seconds) {
        if (seconds == null || !seconds.isNumber()) {
            return "none yet";
        }
        double s = seconds.asDouble();
        return s < 120 ? Math.round(s) + " s" : s < 7200 ? Math.round(s / 60) + " min" : Math.round(s / 3600) + " h";
    }
}
