package org.neighborshare.agency.api;

import java.util.UUID;
import org.neighborshare.agency.domain.AgencyState;

/** The least the gateway needs to enforce invariant I5: is this agency allowed to act right now. */
public record AgencyStatusView(UUID id, AgencyState state, String reason) {}
