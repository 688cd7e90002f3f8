package org.neighborshare.consent.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.neighborshare.consent.service.NewCamera;

public record CameraRequest(
        @NotBlank @Size(max = 100) String label,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {

    public NewCamera toNewCamera() {
        return new NewCamera(label, latitude, longitude);
    }
}
