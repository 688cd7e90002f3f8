package org.neighborshare.agency.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.neighborshare.shared.problem.ProblemException;

@Entity
public class Agency extends PanacheEntityBase {

    @Id
    public UUID id;
    public String officialName;
    @Enumerated(EnumType.STRING)
    public AgencyType type;
    public String officialDomain;
    public String website;
    /** GeoJSON Polygon text, validated on the way in. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String jurisdiction;
    @Column(name = "official_name_person")
    public String officialPersonName;
    public String officialTitle;
    public String officialEmail;
    public Instant policyAcceptedAt;
    public String applicantId;
    public String applicantEmail;
    @Enumerated(EnumType.STRING)
    public AgencyState state;
    public String stateReason;
    public Instant appliedAt;
    public Instant approvedAt;
    public Instant stateChangedAt;
    @Version
    public long version;

    /** Moves the agency along its life cycle; an illegal move is a 409 and changes nothing. */
    public void transition(AgencyState target, String reason, Instant at) {
        if (!state.canBecome(target)) {
            throw ProblemException.conflict("agency " + id + " is " + state + " and cannot become " + target);
        }
        if (target == AgencyState.APPROVED && state != AgencyState.SUSPENDED) {
            approvedAt = at;
        }
        state = target;
        stateReason = reason;
        stateChangedAt = at;
    }

    public static List<Agency> byApplicant(String applicantId) {
        return list("applicantId = ?1 order by appliedAt desc", applicantId);
    }

    public static boolean openApplicationExists(String domain) {
        return count("lower(officialDomain) = ?1 and state in ?2", domain.toLowerCase(),
                List.of(AgencyState.APPLIED, AgencyState.IN_REVIEW)) > 0;
    }
}
