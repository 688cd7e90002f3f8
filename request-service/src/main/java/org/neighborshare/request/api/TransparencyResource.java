package org.neighborshare.request.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.neighborshare.request.service.TransparencyReport;
import org.neighborshare.shared.input.ReportPeriod;

/**
 * The public transparency report, as JSON or (with {@code Accept: text/csv}, or at {@code .csv}) as CSV, for a
 * period {@code from}/{@code to} (ISO-8601 instants or UTC dates; default all time).
 */
@Path("/api/public")
@PermitAll
public class TransparencyResource {

    public static final String CSV = "text/csv";

    @Inject
    TransparencyReport report;

    @GET
    @Path("/transparency")
    @Produces(MediaType.APPLICATION_JSON)
    public TransparencyReport.Report report(@QueryParam("from") String from, @QueryParam("to") String to) {
        return report.report(ReportPeriod.parse(from, to));
    }

    @GET
    @Path("/transparency")
    @Produces(CSV + ";charset=utf-8")
    public String csv(@QueryParam("from") String from, @QueryParam("to") String to) {
        return TransparencyCsv.of(report(from, to));
    }

    @GET
    @Path("/transparency.csv")
    @Produces(CSV + ";charset=utf-8")
    public String csvFile(@QueryParam("from") String from, @QueryParam("to") String to) {
        return csv(from, to);
    }
}
