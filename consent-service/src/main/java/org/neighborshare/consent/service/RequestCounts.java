package org.neighborshare.consent.service;

import org.neighborshare.shared.privacy.SmallCounts;

/** A request's aggregate counts for the public log; each null when suppressed (see {@link SmallCounts}). */
public record RequestCounts(Long camerasReached, Long neighboursShared, Long clips) {}
