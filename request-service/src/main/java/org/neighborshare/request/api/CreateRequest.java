package org.neighborshare.request.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.neighborshare.request.domain.IncidentType;
import org.neighborshare.request.service.NewFootageRequest;

/** What an investigator may set; state, agency and ids are the server's. */
public record CreateRequest(
        @NotBlank @Size(max = 64) String caseNumber,
        @NotNull IncidentType incidentType,
        @NotBlank @Size(max = 2000) String description,
        @NotNull Instant windowStart,
        @NotNull Instant windowEnd,
        @NotNull @Valid Area area,
        @NotBlank @Size(max = 500) String contact,
        Boolean emergency,
        @Size(max = 2000) String emergencyJustification) {

    /** What the create use case takes; a missing {@code emergency} is not an emergency. */
    public NewFootageRequest toNewRequest() {
        return new NewFootageRequest(
                caseNumber,
                incidentType,
                description,
                windowStart,
                windowEnd,
                new NewFootageRequest.Area(area.latitude(), area.longitude(), area.radiusMeters()),
                contact,
                Boolean.TRUE.equals(emergency),
                emergencyJustification);
    }

    public record Area(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @NotNull Double radiusMeters) {}
}
