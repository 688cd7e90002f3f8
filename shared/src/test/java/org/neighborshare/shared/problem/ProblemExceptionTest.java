package org.neighborshare.shared.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each factory answers its status with its standard title; a problem about fields names them in its detail. */
class ProblemExceptionTest {

    @Test
    void eachFactoryGivesItsStatusAndTitle() {
        assertProblem(ProblemException.badRequest("x"), 400, "Bad Request");
        assertProblem(ProblemException.malformedField("f", "x"), 400, "Bad Request");
        assertProblem(ProblemException.forbidden("x"), 403, "Forbidden");
        assertProblem(ProblemException.notFound("agency 1"), 404, "Not Found");
        assertProblem(ProblemException.conflict("x"), 409, "Conflict");
        assertProblem(ProblemException.conflictingField("f", "x"), 409, "Conflict");
        assertProblem(ProblemException.alreadyExists(), 409, "Conflict");
        assertProblem(ProblemException.changedConcurrently(), 409, "Conflict");
        assertProblem(ProblemException.contentTooLarge("body", "x"), 413, "Content Too Large");
        assertProblem(ProblemException.unsupportedMediaType("Content-Type", "x"), 415, "Unsupported Media Type");
        assertProblem(ProblemException.invalidField("f", "x"), 422, "Unprocessable Content");
        assertProblem(ProblemException.tooManyRequests("x"), 429, "Too Many Requests");
        assertProblem(ProblemException.unavailable("x"), 503, "Service Unavailable");
    }

    @Test
    void aProblemAboutFieldsNamesEachInItsDetailAndErrors() {
        Problem one = ProblemException.invalidField("windowEnd", "must be in the past")
                .toProblem();
        assertEquals("windowEnd: must be in the past", one.detail());
        assertEquals(List.of(new Problem.FieldError("windowEnd", "must be in the past")), one.errors());

        List<Problem.FieldError> errors = List.of(
                new Problem.FieldError("clipIds[0]", "not yours"),
                new Problem.FieldError("clipIds[2]", "already shared"));
        Problem many = ProblemException.conflictingFields(errors).toProblem();
        assertEquals(409, many.status());
        assertEquals("clipIds[0]: not yours; clipIds[2]: already shared", many.detail());
        assertEquals(errors, many.errors());
        assertEquals(422, ProblemException.invalidFields(errors).toProblem().status());
    }

    @Test
    void aProblemWithoutFieldsHasNoErrors() {
        Problem p = ProblemException.notFound("agency 1").toProblem();
        assertEquals("agency 1 not found", p.detail());
        assertNull(p.errors());
        assertNull(p.instance());
        assertEquals("about:blank", p.type());
    }

    @Test
    void aProblemAboutFieldsNamesAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> ProblemException.invalidFields(List.of()));
    }

    private static void assertProblem(ProblemException e, int status, String title) {
        Problem p = e.toProblem();
        assertEquals(status, e.status());
        assertEquals(status, p.status());
        assertEquals(title, p.title());
        assertEquals(e.getMessage(), p.detail());
    }
}
