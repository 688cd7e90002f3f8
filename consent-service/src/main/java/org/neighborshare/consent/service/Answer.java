package org.neighborshare.consent.service;

import java.util.List;
import java.util.UUID;
import org.neighborshare.consent.domain.AnswerChoice;

/**
 * An owner's answer to a request as the API received it. Which fields a choice allows, and the retention's
 * bounds, are rules of {@link ShareService#answer} (docs/rules.md, owners, consent and clips); a field left out is
 * null, so that a decline naming retention or copies can be refused.
 */
public record Answer(AnswerChoice choice, List<UUID> clipIds, Integer retentionDays, Boolean allowCopies) {}
