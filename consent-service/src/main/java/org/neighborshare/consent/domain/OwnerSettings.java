package org.neighborshare.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
public class OwnerSettings extends PanacheEntityBase {

    @Id
    public String ownerId;
    /** An owner who opted out receives no request at all. */
    public boolean optedOut;

    public Instant updatedAt;
}
