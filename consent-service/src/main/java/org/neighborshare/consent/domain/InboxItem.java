package org.neighborshare.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A request delivered to one owner because at least one of their active cameras lies in its area. */
@Entity
public class InboxItem extends PanacheEntityBase {

    @Id
    public UUID id;
    public String ownerId;
    public UUID requestId;
    public int cameras;
    public boolean urgent;
    public Instant receivedAt;
    public String response;
    public Instant respondedAt;
}
