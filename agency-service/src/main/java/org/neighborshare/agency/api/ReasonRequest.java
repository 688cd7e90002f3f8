package org.neighborshare.agency.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Every decision on an agency carries a written, public reason. */
public record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {}
