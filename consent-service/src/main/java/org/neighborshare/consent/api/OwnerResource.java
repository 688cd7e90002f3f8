package org.neighborshare.consent.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.neighborshare.consent.domain.AccessEntry;
import org.neighborshare.consent.domain.Camera;
import org.neighborshare.consent.domain.DeletionReceipt;
import org.neighborshare.consent.domain.OwnerReceipt;
import org.neighborshare.consent.domain.OwnerSettings;
import org.neighborshare.consent.service.CameraService;
import org.neighborshare.consent.service.InboxService;
import org.neighborshare.consent.service.ShareService;
import org.neighborshare.shared.input.PageNumber;
import org.neighborshare.shared.input.PageSize;
import org.neighborshare.shared.security.Caller;

/** Everything an owner does about their own cameras and requests. The owner is always the caller. */
@Path("/api/me")
@RolesAllowed("owner")
public class OwnerResource {

    @Inject
    CameraService cameras;

    @Inject
    InboxService inbox;

    @Inject
    ShareService shares;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    @Path("/cameras")
    public List<CameraView> cameras() {
        return cameras.list(caller.id()).stream().map(CameraView::of).toList();
    }

    @POST
    @Path("/cameras")
    public Response register(@NotNull @Valid CameraRequest body) {
        Camera c = cameras.register(caller.id(), body.toNewCamera());
        return Response.created(URI.create("/api/me/cameras/" + c.id))
                .entity(CameraView.of(c))
                .build();
    }

    @POST
    @Path("/cameras/{cameraId}/pause")
    public CameraView pause(@PathParam("cameraId") UUID id) {
        return CameraView.of(cameras.setStatus(caller.id(), id, Camera.Status.PAUSED));
    }

    @POST
    @Path("/cameras/{cameraId}/resume")
    public CameraView resume(@PathParam("cameraId") UUID id) {
        return CameraView.of(cameras.setStatus(caller.id(), id, Camera.Status.ACTIVE));
    }

    @DELETE
    @Path("/cameras/{cameraId}")
    public Response delete(@PathParam("cameraId") UUID id) {
        cameras.delete(caller.id(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/inbox")
    public List<InboxView> inbox() {
        return inbox.inbox(caller.id()).stream().map(InboxView::of).toList();
    }

    /**
     * SHARE (clips from the request's window, with retention and copy restrictions) or DECLINE, for an open
     * request in the caller's inbox. A decline is never shown to the agency; a decline may become a share later,
     * and sharing again adds another share.
     */
    @POST
    @Path("/inbox/{requestId}/response")
    public Response answer(@PathParam("requestId") UUID requestId, @NotNull @Valid AnswerRequest body) {
        ShareService.Answered a = shares.answer(caller.id(), requestId, body.toAnswer());
        if (a.share() == null) {
            return Response.ok(new AnswerView(requestId, a.item().response, a.item().respondedAt, null))
                    .build();
        }
        ShareView share = ShareView.of(a.share(), clock.instant());
        return Response.created(URI.create("/api/me/shares/" + share.id()))
                .entity(new AnswerView(requestId, a.item().response, a.item().respondedAt, share))
                .build();
    }

    /** Every access to the caller's clips: downloads by agencies and deletions, newest first. */
    @GET
    @Path("/access-log")
    public List<AccessLogView> accessLog(
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("100") @PageSize int size) {
        return AccessEntry.ofOwner(caller.id(), page, size).stream()
                .map(AccessLogView::of)
                .toList();
    }

    /**
     * The caller's receipts for the public consent log, newest first: every share, revocation, download and
     * deletion of their footage, with its index and leaf hash; {@code proof} fetches the inclusion proof.
     */
    @GET
    @Path("/receipts")
    public List<ReceiptView> receipts(
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("100") @PageSize int size) {
        return OwnerReceipt.ofOwner(caller.id(), page, size).stream()
                .map(ReceiptView::of)
                .toList();
    }

    @GET
    @Path("/deletion-receipts")
    public List<DeletionReceiptView> deletionReceipts(
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("100") @PageSize int size) {
        return DeletionReceipt.ofOwner(caller.id(), page, size).stream()
                .map(DeletionReceiptView::of)
                .toList();
    }

    @PUT
    @Path("/settings")
    public SettingsRequest settings(@NotNull @Valid SettingsRequest body) {
        OwnerSettings s = cameras.settings(caller.id(), body.optedOut());
        return new SettingsRequest(s.optedOut);
    }
}
