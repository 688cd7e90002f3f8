package org.neighborshare.request.counts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * A published request's aggregate counts as consent-service reports them. Each is null when suppressed: below 5,
 * a count could single out a neighbour (invariant I2), and consent-service alone decides that.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestCounts(UUID requestId, Long camerasReached, Long neighboursShared, Long clips) {}
