package org.neighborshare.verifier;

/** A log could not be read (down, refused, or answered something that is not what the endpoint promises). */
public final class LogReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LogReadException(String message) {
        super(message);
    }
}
