package org.neighborshare.agency.domain;

import java.util.List;
import org.neighborshare.shared.problem.Problem;
import org.neighborshare.shared.problem.ProblemException;

/** A 409 that names the input field the conflict is about, so a client can show it next to that field. */
public final class FieldConflict {

    private FieldConflict() {
    }

    public static ProblemException of(String field, String message) {
        return new ProblemException(409, "Conflict", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }
}
