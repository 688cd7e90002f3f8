package org.neighborshare.consent.store;

import java.io.IOException;

/** The body went past the size limit while it streamed in; nothing was kept. */
public class ClipTooLargeException extends IOException {

    private final long limit;

    public ClipTooLargeException(long limit) {
        super("clip larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
