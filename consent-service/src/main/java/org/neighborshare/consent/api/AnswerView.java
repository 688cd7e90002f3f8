package org.neighborshare.consent.api;

import java.time.Instant;
import java.util.UUID;

/** The owner's answer as recorded; {@code share} only for SHARE. */
public record AnswerView(UUID requestId, String answer, Instant respondedAt, ShareView share) {}
