package org.neighborshare.consent.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.neighborshare.consent.service.ShareService;
import org.neighborshare.shared.input.PageNumber;
import org.neighborshare.shared.input.PageSize;
import org.neighborshare.shared.security.Caller;

/** An owner's shares. Someone else's share is answered like a missing one (404). */
@Path("/api/me/shares")
@RolesAllowed("owner")
public class ShareResource {

    @Inject
    ShareService shares;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    public List<ShareView> list(
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("100") @PageSize int size) {
        Instant now = clock.instant();
        return shares.list(caller.id(), page, size).stream()
                .map(s -> ShareView.of(s, now))
                .toList();
    }

    /** Revokes: no further download, whether or not the agency already downloaded (the answer says which). */
    @DELETE
    @Path("/{shareId}")
    public RevocationView revoke(@PathParam("shareId") UUID shareId) {
        ShareService.Revoked r = shares.revoke(caller.id(), shareId);
        return new RevocationView(
                r.share().id, r.share().revokedAt, r.agencyHadDownloaded(), r.share().firstDownloadAt);
    }
}
