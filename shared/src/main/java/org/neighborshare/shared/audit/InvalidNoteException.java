package org.neighborshare.shared.audit;

/** A signed note, checkpoint or key that is malformed or does not verify; the message says which rule failed. */
public class InvalidNoteException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidNoteException(String message) {
        super(message);
    }

    public InvalidNoteException(String message, Throwable cause) {
        super(message, cause);
    }
}
