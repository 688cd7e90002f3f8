package org.neighborshare.agency.api;

import jakarta.validation.constraints.Size;

/** A reviewer's note on a checklist item (what was checked, against which source). */
public record CheckRequest(@Size(max = 2000) String note) {}
