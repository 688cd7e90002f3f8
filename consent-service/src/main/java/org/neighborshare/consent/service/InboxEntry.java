package org.neighborshare.consent.service;

import org.neighborshare.consent.domain.InboxItem;
import org.neighborshare.consent.domain.PublishedRequest;

/** An inbox item with the request it is about. */
public record InboxEntry(InboxItem item, PublishedRequest request) {
}
