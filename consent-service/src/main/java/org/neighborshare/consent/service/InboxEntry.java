package org.neighborshare.consent.service;

import org.neighborshare.consent.domain.InboxItem;
import org.neighborshare.consent.domain.PublishedRequest;

/** An inbox item with the request it is about, and why it cannot be answered now (null if it can). */
public record InboxEntry(InboxItem item, PublishedRequest request, String notAnswerableBecause) {

    public InboxEntry(InboxItem item, PublishedRequest request) {
        this(item, request, null);
    }

    InboxEntry because(String reason) {
        return new InboxEntry(item, request, reason);
    }
}
