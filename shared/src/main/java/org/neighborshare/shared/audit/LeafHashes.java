package org.neighborshare.shared.audit;

/**
 * The leaf hashes of a log, by index from 0: {@code leafHash(i)} is {@code SHA-256(0x00 || entry i)} (see
 * {@link MerkleTree#leafHash(byte[])}). Later backed by the log table; in tests a list.
 */
@FunctionalInterface
public interface LeafHashes {

    /** The 32-byte leaf hash of entry {@code index}; only called with {@code 0 <= index < tree size}. */
    byte[] leafHash(long index);
}
