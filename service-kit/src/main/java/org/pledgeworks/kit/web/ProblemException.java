package org.pledgeworks.kit.web;

import org.springframework.http.HttpStatus;

/**
 * An error a feature answers with a problem type of its own (not found, not allowed, a clash with the
 * current state). The feature says what the problem is, and its service's {@code system/} handler turns
 * it into RFC 9457 problem details without knowing the feature; campaign-service and pledge-service each
 * had their own copy of this.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;

    /**
     * @param type   the last segment of the problem type URI, e.g. {@code campaign-not-found}
     * @param detail for the caller; it is also the exception's message
     */
    protected ProblemException(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
