package org.neighborshare.agency.api;

import java.time.Instant;
import org.neighborshare.agency.domain.MemberCommitment;

/** One member entry of the public agency log, opened for the agency's admins. */
public record MemberCommitmentView(
        String type, String userId, String role, String member, String salt, Instant at, long index, String leafHash) {

    public static MemberCommitmentView of(MemberCommitment m) {
        return new MemberCommitmentView(
                m.added ? "member.added" : "member.removed",
                m.userId,
                m.role,
                m.commitment,
                m.salt,
                m.at,
                m.logIndex,
                m.leafHash);
    }
}
