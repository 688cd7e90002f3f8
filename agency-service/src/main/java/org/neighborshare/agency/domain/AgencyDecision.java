package org.neighborshare.agency.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A reviewer's decision on an agency, with its written reason; kept forever (SPEC I3, I4). */
@Entity
public class AgencyDecision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID agencyId;
    public String reviewerId;
    public String action;
    @Enumerated(EnumType.STRING)
    public AgencyState fromState;
    @Enumerated(EnumType.STRING)
    public AgencyState toState;
    public String reason;
    public Instant decidedAt;
}
