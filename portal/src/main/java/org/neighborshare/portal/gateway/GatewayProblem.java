package org.neighborshare.portal.gateway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway answered with an error: an RFC 9457 problem, read into what a page shows (the field errors by field
 * name, next to their inputs) and what decides where the browser goes (401 sign-in, 403 not allowed, 5xx apology).
 */
public final class GatewayProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final String detail;
    private final transient Map<String, String> fieldErrors;
    private final String requestId;

    public GatewayProblem(int status, String title, String detail, Map<String, String> fieldErrors, String requestId) {
        super(status + " " + title + (detail != null ? ": " + detail : ""));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
        this.requestId = requestId;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem's own words, or its title when it has none. */
    public String message() {
        return detail != null && !detail.isBlank() ? detail : title;
    }

    /** Field name (as the API names it, e.g. {@code area.radiusMeters}) → message. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public String requestId() {
        return requestId;
    }

    /** Input the user can fix on the same page: re-show the form with the messages. */
    public boolean isFixableInput() {
        return status == 400 || status == 409 || status == 413 || status == 415 || status == 422 || status == 429;
    }
}
