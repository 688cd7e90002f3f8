package org.neighborshare.consent.domain;

/** An owner's answer to a request; not answering at all is the third choice (docs/rules.md). */
public enum AnswerChoice {
    SHARE,
    DECLINE
}
