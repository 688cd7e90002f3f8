package org.neighborshare.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** How far consent-service has read a feed. */
@Entity
public class FeedCursor extends PanacheEntityBase {

    @Id
    public String feed;

    public long lastSeq;

    public static long position(String feed) {
        FeedCursor c = findById(feed);
        return c == null ? 0 : c.lastSeq;
    }

    public static void advance(String feed, long seq) {
        FeedCursor c = findById(feed);
        if (c == null) {
            c = new FeedCursor();
            c.feed = feed;
            c.persist();
        }
        c.lastSeq = Math.max(c.lastSeq, seq);
    }
}
