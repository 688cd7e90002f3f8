package org.neighborshare.shared.audit.api;

import org.neighborshare.shared.problem.ProblemException;

/** Canonical decimal numbers of the log's paths and parameters: digits only, no leading zero, in range. */
final class Numbers {

    private Numbers() {}

    static long parse(String field, String value, long min, long max) {
        if (value == null || !value.matches("0|[1-9][0-9]{0,18}")) {
            throw ProblemException.malformedField(field, "a decimal number without sign or leading zeros");
        }
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.malformedField(field, "at most " + max);
        }
        if (n < min || n > max) {
            throw ProblemException.malformedField(field, "from " + min + " to " + max);
        }
        return n;
    }
}
