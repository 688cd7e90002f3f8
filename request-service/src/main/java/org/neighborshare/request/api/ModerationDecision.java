package org.neighborshare.request.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.neighborshare.request.domain.ModerationOutcome;

/** A reviewer publishes or rejects a pending request, always with a reason. */
public record ModerationDecision(
        @NotNull ModerationOutcome decision,
        @NotBlank @Size(max = 2000) String reason) {}
