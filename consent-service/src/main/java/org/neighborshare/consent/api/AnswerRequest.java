package org.neighborshare.consent.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.neighborshare.consent.domain.AnswerChoice;
import org.neighborshare.consent.service.Answer;

/**
 * An owner's answer to a request. SHARE names the clips (from the request's window) and the owner's
 * restrictions; DECLINE takes nothing else. Retention defaults to 30 days, at most 90; copies default to no.
 */
public record AnswerRequest(
        @NotNull AnswerChoice answer,
        @Size(max = 100) List<@NotNull UUID> clipIds,
        Integer retentionDays,
        Boolean allowCopies) {

    public Answer toAnswer() {
        return new Answer(answer, clipIds, retentionDays, allowCopies);
    }
}
