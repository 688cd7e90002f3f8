package org.neighborshare.request.domain;

/** What a reviewer decides about a pending request (docs/rules.md, footage requests). */
public enum ModerationOutcome {
    PUBLISH,
    REJECT
}
