package org.neighborshare.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** Ids of feed events already applied; the primary key makes "once" a database guarantee. */
@Entity
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    public UUID eventId;

    public Instant processedAt;

    /** True if this is the first time the event is seen. */
    public static boolean markOnce(UUID eventId, Instant at) {
        if (findById(eventId) != null) {
            return false;
        }
        ProcessedEvent p = new ProcessedEvent();
        p.eventId = eventId;
        p.processedAt = at;
        p.persist();
        return true;
    }
}
