package org.neighborshare.consent.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The clip hash every store computes while the bytes stream in. */
final class Sha256 {

    private Sha256() {}

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
