package org.neighborshare.consent.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.neighborshare.consent.domain.Camera;
import org.neighborshare.consent.domain.OwnerSettings;
import org.neighborshare.consent.service.CameraService;
import org.neighborshare.consent.service.InboxService;
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
    Caller caller;

    @GET
    @Path("/cameras")
    public List<CameraView> cameras() {
        return cameras.list(caller.id()).stream().map(CameraView::of).toList();
    }

    @POST
    @Path("/cameras")
    public Response register(@NotNull @Valid CameraRequest body) {
        Camera c = cameras.register(caller.id(), body);
        return Response.created(URI.create("/api/me/cameras/" + c.id)).entity(CameraView.of(c)).build();
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

    @PUT
    @Path("/settings")
    public SettingsRequest settings(@NotNull @Valid SettingsRequest body) {
        OwnerSettings s = cameras.settings(caller.id(), body.optedOut());
        return new SettingsRequest(s.optedOut);
    }
}
