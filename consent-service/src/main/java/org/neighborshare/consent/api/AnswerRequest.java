package org.neighborshare.consent.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * An owner's answer to a request. SHARE names the clips (from the request's window) and the owner's
 * restrictions; DECLINE takes nothing else. Retention defaults to 30 days, at most 90; copies default to no.
 */
public record AnswerRequest(
        @NotNull Answer answer,
        @Size(max = 100) List<@NotNull UUID> clipIds,
        Integer retentionDays,
        Boolean allowCopies) {

    public static final int DEFAULT_RETENTION_DAYS = 30;
    public static final int MAX_RETENTION_DAYS = 90;

    public enum Answer {
        SHARE,
        DECLINE
    }
}
