package org.neighborshare.agency.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.neighborshare.agency.domain.VettingOutcome;

/** A reviewer's decision; the reason is mandatory because every decision is public. */
public record DecisionRequest(
        @NotNull VettingOutcome decision,
        @NotBlank @Size(max = 2000) String reason) {}
