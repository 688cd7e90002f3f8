package org.neighborshare.request.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.neighborshare.request.service.TransparencyReport;

/** The public transparency report: request moderation in numbers, emergencies apart. */
@Path("/api/public/transparency")
@PermitAll
public class TransparencyResource {

    @Inject
    TransparencyReport report;

    @GET
    public TransparencyReport.Report report() {
        return report.now();
    }
}
