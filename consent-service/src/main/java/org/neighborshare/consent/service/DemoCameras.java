package org.neighborshare.consent.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.neighborshare.consent.config.ConsentConfig;
import org.neighborshare.consent.domain.Camera;

/**
 * LOCAL DEMO DATA: one camera each for the demo owners owner.alice and owner.bob (ids from the Keycloak realm),
 * inside the demo Riverton jurisdiction. Only when {@code consent.demo-data} is on, never in prod.
 */
@ApplicationScoped
public class DemoCameras {

    @Inject
    ConsentConfig config;

    @Inject
    CameraService cameras;

    @Transactional
    void seed(@Observes StartupEvent start) {
        if (!config.demoData()) {
            return;
        }
        seed(
                "0f1d7a2c-0000-4000-8000-00000000c001",
                "0b6f1c1e-0000-4000-8000-00000000c001",
                "Front porch",
                45.5200,
                -122.6700);
        seed(
                "0f1d7a2c-0000-4000-8000-00000000c002",
                "0b6f1c1e-0000-4000-8000-00000000c002",
                "Driveway",
                45.5210,
                -122.6690);
    }

    private void seed(String id, String owner, String label, double lat, double lon) {
        UUID cameraId = UUID.fromString(id);
        if (Camera.findById(cameraId) != null) {
            return;
        }
        cameras.register(cameraId, owner, new NewCamera(label, lat, lon));
    }
}
