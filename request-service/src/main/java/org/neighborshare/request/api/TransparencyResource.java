package org.neighborshare.request.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.neighborshare.request.service.TransparencyReport;
import org.neighborshare.shared.input.ReportPeriod;

/**
 * The public transparency report, as JSON or (with {@code Accept: text/csv}, or at {@code .csv}) as CSV, for a
 * period {@code from}/{@code to} (ISO-8601 instants or UTC dates; default all time).
 */
@Path("/api/public")
@PermitAll
public class TransparencyResource {

    public static final String CSV = "text/csv;charset=utf-8";
    private static final MediaType CSV_TYPE = new MediaType("text", "csv");

    @Inject
    TransparencyReport report;

    /** JSON unless the client asks for CSV before (or instead of) JSON; {@code *}{@code /*} is JSON. */
    @GET
    @Path("/transparency")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to, @Context HttpHeaders headers) {
        TransparencyReport.Report r = report.report(ReportPeriod.parse(from, to));
        for (MediaType wanted : headers.getAcceptableMediaTypes()) {
            if (wanted.isWildcardType() || wanted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                break;
            }
            if (wanted.isCompatible(CSV_TYPE)) {
                return Response.ok(TransparencyCsv.of(r), CSV).build();
            }
        }
        return Response.ok(r, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/transparency.csv")
    @Produces(CSV)
    public String csv(@QueryParam("from") String from, @QueryParam("to") String to) {
        return TransparencyCsv.of(report.report(ReportPeriod.parse(from, to)));
    }
}
