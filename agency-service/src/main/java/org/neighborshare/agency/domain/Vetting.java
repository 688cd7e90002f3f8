package org.neighborshare.agency.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.neighborshare.shared.problem.ProblemException;

/**
 * One ticked item of an agency's vetting checklist, and the four-eyes rule over the whole list: approval needs
 * every item and at least two different reviewers among those who ticked items and the one who approves.
 */
@Entity
@Table(name = "vetting_check")
public class Vetting extends PanacheEntityBase {

    /** Who ticks the automatic items. */
    public static final String IDENTITY_PROVIDER = "identity-provider";

    public static final String APPLICANT = "applicant";

    @EmbeddedId
    public Key key;

    public String checkedBy;
    public Instant checkedAt;
    public String note;

    @Embeddable
    public static class Key implements Serializable {
        public UUID agencyId;

        @Enumerated(EnumType.STRING)
        public VettingItem item;

        public Key() {}

        public Key(UUID agencyId, VettingItem item) {
            this.agencyId = agencyId;
            this.item = item;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(agencyId, k.agencyId) && item == k.item;
        }

        @Override
        public int hashCode() {
            return Objects.hash(agencyId, item);
        }
    }

    public static List<Vetting> of(UUID agencyId) {
        return list("key.agencyId = ?1 order by checkedAt", agencyId);
    }

    public static void tick(UUID agencyId, VettingItem item, String by, String note, Instant at) {
        Vetting v = findById(new Key(agencyId, item));
        if (v != null) {
            throw ProblemException.conflict(item + " was already checked by " + v.checkedBy + " at " + v.checkedAt);
        }
        v = new Vetting();
        v.key = new Key(agencyId, item);
        v.checkedBy = by;
        v.checkedAt = at;
        v.note = note;
        v.persist();
    }

    /** A new vetting round (re-vetting an expired agency) starts with the reviewers' items unticked. */
    public static void resetReviewerItems(UUID agencyId) {
        delete(
                "key.agencyId = ?1 and key.item in ?2",
                agencyId,
                List.of(VettingItem.JURISDICTION, VettingItem.AUTHORIZING_OFFICIAL));
    }

    /** Throws unless {@code approver} may approve now. */
    public static void requireApprovable(UUID agencyId, String approver) {
        List<Vetting> checks = of(agencyId);
        Set<VettingItem> missing = EnumSet.allOf(VettingItem.class);
        Set<String> reviewers = new HashSet<>();
        for (Vetting v : checks) {
            missing.remove(v.key.item);
            if (v.key.item.tickedByReviewer()) {
                reviewers.add(v.checkedBy);
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.conflict("vetting incomplete: missing " + missing);
        }
        reviewers.add(approver);
        if (reviewers.size() < 2) {
            throw ProblemException.conflict("four eyes: approval needs a second reviewer besides " + approver);
        }
    }
}
