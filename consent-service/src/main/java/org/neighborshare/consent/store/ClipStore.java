package org.neighborshare.consent.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where clip bytes live: the local filesystem by default ({@link FilesystemClipStore}), an S3-compatible object
 * store where several replicas run. Implementations never hold a whole clip in memory.
 */
public interface ClipStore {

    /**
     * Streams {@code in} to storage, computing its SHA-256 on the way. All or nothing: on any failure, including
     * {@link ClipTooLargeException} as soon as more than {@code maxBytes} arrived, nothing is left behind.
     */
    StoredClip write(InputStream in, long maxBytes) throws IOException;

    /** The bytes of a stored clip; {@link java.nio.file.NoSuchFileException} if there are none (any more). */
    InputStream open(String key) throws IOException;

    /** Deletes the bytes; deleting what is already gone is not an error. */
    void delete(String key) throws IOException;
}
