package org.neighborshare.shared.audit.promise;

/**
 * The platform's promises that anyone can check from the public logs alone (docs/invariants.md, I3 and I4). Each
 * says, in a sentence, what a finding of it means.
 */
public enum Promise {
    /** A download has an earlier share, in the consent log, of that clip for that request by that share. */
    DOWNLOAD_HAS_A_SHARE("every clip download has an earlier share of that clip, for that request, by that share"),
    /** ...made to the agency that downloaded, for a request that agency made. */
    DOWNLOAD_BY_THE_SHARED_AGENCY(
            "a clip is downloaded only by the agency it was shared with, for a request of that agency"),
    /** The share was not revoked before the download. */
    DOWNLOAD_BEFORE_REVOCATION("no clip is downloaded after its share was revoked"),
    /** The download happened before the share's retention ended. */
    DOWNLOAD_WITHIN_RETENTION("no clip is downloaded after its share's retention ended"),
    /** The agency was APPROVED at the moment of the download, by the agency log's state changes. */
    DOWNLOAD_BY_AN_APPROVED_AGENCY("a clip is downloaded only by an agency that is APPROVED at that moment"),
    /** A deletion at retention came no later than the retention date plus the stated grace. */
    DELETION_AT_RETENTION_ON_TIME(
            "a clip deleted at retention is deleted no later than its retention end plus the grace"),
    /** An entry that a promise depends on carries the attributes the contract says it carries. */
    ENTRY_IS_COMPLETE("every entry a promise is checked against carries the attributes it must carry");

    private final String statement;

    Promise(String statement) {
        this.statement = statement;
    }

    /** The promise in words, as the verifier prints it. */
    public String statement() {
        return statement;
    }
}
