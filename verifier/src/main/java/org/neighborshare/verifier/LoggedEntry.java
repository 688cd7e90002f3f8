package org.neighborshare.verifier;

/** One entry as a log serves it: its index, the leaf hash the log states for it, and its bytes. */
public record LoggedEntry(long index, byte[] leafHash, byte[] entry) {}
