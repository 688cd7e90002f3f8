package org.neighborshare.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An owner's consent to give some clips to the agency of one request, with the owner's restrictions. The agency
 * may download its clips only while the share is valid: not revoked and not past {@link #expiresAt}.
 */
@Entity
@Table(name = "clip_share")
public class Share extends PanacheEntityBase {

    /** Retention of a share unless the owner says otherwise, and its maximum (docs/rules.md). */
    public static final int DEFAULT_RETENTION_DAYS = 30;

    public static final int MAX_RETENTION_DAYS = 90;

    public enum Status {
        ACTIVE,
        REVOKED,
        EXPIRED
    }

    @Id
    public UUID id;

    public UUID requestId;
    public String ownerId;
    public UUID agencyId;
    /** "Neighbor N": the owner's pseudonym for this request only. */
    public String pseudonym;

    public int retentionDays;
    /** Whether the agency may keep a copy beyond the platform. */
    public boolean allowCopies;

    public Instant createdAt;
    public Instant expiresAt;
    public Instant revokedAt;
    public Instant firstDownloadAt;
    public Instant retentionDoneAt;

    public boolean validAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public Status statusAt(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }
}
