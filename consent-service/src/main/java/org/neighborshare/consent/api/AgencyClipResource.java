package org.neighborshare.consent.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.neighborshare.consent.service.AgencyClipService;
import org.neighborshare.shared.security.AgencyRole;
import org.neighborshare.shared.security.Caller;

/**
 * The clips owners shared for one of an agency's requests; only its investigators (re-checked here, not just at
 * the gateway). Invariant I1: nothing else is reachable; I2: pseudonyms only.
 */
@Path("/api/agencies/{agencyId}/requests/{requestId}/clips")
@PermitAll
public class AgencyClipResource {

    private static final int CHUNK = 64 * 1024;

    @Inject
    AgencyClipService clips;

    @Inject
    Caller caller;

    @GET
    public List<AgencyClipView> list(@PathParam("agencyId") UUID agencyId, @PathParam("requestId") UUID requestId) {
        caller.requireAgencyRole(agencyId, AgencyRole.INVESTIGATOR);
        return clips.list(agencyId, requestId).stream().map(AgencyClipView::of).toList();
    }

    /**
     * Every download of the request's clips by the agency's members, with the salts that open the public log's
     * {@code downloader} commitments.
     */
    @GET
    @Path("/downloads")
    public List<DownloadView> downloads(@PathParam("agencyId") UUID agencyId, @PathParam("requestId") UUID requestId) {
        caller.requireAgencyRole(agencyId, AgencyRole.INVESTIGATOR);
        return clips.downloads(agencyId, requestId).stream()
                .map(DownloadView::of)
                .toList();
    }

    /** The bytes, streamed, while the share is valid; each download is recorded (who, when, hash). */
    @GET
    @Path("/{clipId}/content")
    public Response content(
            @PathParam("agencyId") UUID agencyId,
            @PathParam("requestId") UUID requestId,
            @PathParam("clipId") UUID clipId) {
        caller.requireAgencyRole(agencyId, AgencyRole.INVESTIGATOR);
        AgencyClipService.Download d = clips.download(agencyId, requestId, clipId, caller.id());
        InputStream bytes = d.bytes();
        StreamingOutput body = out -> {
            try (bytes) {
                byte[] chunk = new byte[CHUNK];
                int n;
                while ((n = bytes.read(chunk)) != -1) {
                    out.write(chunk, 0, n);
                }
            }
        };
        try {
            return Response.ok(body, d.clip().contentType)
                    .header("Content-Length", d.clip().sizeBytes)
                    .header("X-Content-SHA256", d.clip().sha256)
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\"clip-" + d.clip().id + "."
                                    + d.clip().extension() + "\"")
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (RuntimeException e) {
            try {
                bytes.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw e;
        }
    }
}
