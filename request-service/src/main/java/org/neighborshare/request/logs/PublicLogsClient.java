package org.neighborshare.request.logs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The three public logs through the gateway's PUBLIC routes, read like any client reads them (no token of ours):
 * the transparency report is computed from what the public can download.
 */
@RegisterRestClient(configKey = "public-logs")
@Path("/api/public/logs")
public interface PublicLogsClient {

    @GET
    @Path("/{log}/checkpoint")
    @Produces(MediaType.WILDCARD)
    byte[] checkpoint(@PathParam("log") String log);

    @GET
    @Path("/{log}/entries")
    @Produces(MediaType.APPLICATION_JSON)
    List<EntryView> entries(
            @PathParam("log") String log, @QueryParam("start") long start, @QueryParam("limit") int limit);

    /** One entry as the log serves it: hex leaf hash, base64 entry bytes. */
    record EntryView(long index, String leafHash, String entry) {}
}
