package org.neighborshare.request.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of the outbox, and so of the ordered, replayable request event feed. */
@Entity
public class RequestEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    public UUID eventId;
    public String type;
    public UUID requestId;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    public Instant createdAt;

    public static List<RequestEvent> after(long seq, int limit) {
        return find("seq > ?1 order by seq", seq).page(0, limit).list();
    }
}
