package org.neighborshare.agency.domain;

/** What a reviewer decides about an application under vetting (docs/rules.md, agencies). */
public enum VettingOutcome {
    APPROVE,
    REJECT
}
