package org.neighborshare.agency.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.neighborshare.shared.audit.Commitments;

/**
 * How a member appears in the public log: SHA-256(salt || user id) with a fresh salt per entry, so the public
 * cannot link two entries to one person, while the agency's admins, who see the salt and know their members,
 * can open each one (README, "What each entry reveals and why"). Kept with the entry's receipt; append-only.
 */
@Entity
public class MemberCommitment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID agencyId;
    public String userId;
    public String role;
    /** true: member.added; false: member.removed. */
    public boolean added;

    public String salt;
    public String commitment;
    public Instant at;
    public long logIndex;
    public String leafHash;

    public static MemberCommitment of(UUID agencyId, String userId, String role, boolean added, Instant at) {
        MemberCommitment m = new MemberCommitment();
        m.agencyId = agencyId;
        m.userId = userId;
        m.role = role;
        m.added = added;
        m.salt = Commitments.newSalt();
        m.commitment = Commitments.salted(m.salt, userId);
        m.at = at;
        return m;
    }

    public static List<MemberCommitment> ofAgency(UUID agencyId, int page, int size) {
        return find("agencyId = ?1 order by id desc", agencyId).page(page, size).list();
    }
}
