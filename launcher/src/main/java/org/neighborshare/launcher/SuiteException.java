package org.neighborshare.launcher;

/** The suite, or one of its parts, could not be started or stopped; the message says what to do. */
public class SuiteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SuiteException(String message) {
        super(message);
    }

    public SuiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
