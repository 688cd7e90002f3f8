package org.neighborshare.consent.store;

/** What the store kept: the key to find it again, its size in bytes and its SHA-256 (lower-case hex). */
public record StoredClip(String key, long size, String sha256) {}
