package org.neighborshare.agency.domain;

/** The vetting checklist (docs/rules.md, agencies). */
public enum VettingItem {
    /** Checked automatically: the applicant's verified e-mail is on the declared official domain. */
    OFFICIAL_DOMAIN(false),
    /** A reviewer confirms the polygon matches the official boundary. */
    JURISDICTION(true),
    /** A reviewer confirms the authorizing official out of band. */
    AUTHORIZING_OFFICIAL(true),
    /** Recorded when the applicant accepts the use policy. */
    POLICY_ATTESTATION(false);

    private final boolean tickedByReviewer;

    VettingItem(boolean tickedByReviewer) {
        this.tickedByReviewer = tickedByReviewer;
    }

    public boolean tickedByReviewer() {
        return tickedByReviewer;
    }
}
