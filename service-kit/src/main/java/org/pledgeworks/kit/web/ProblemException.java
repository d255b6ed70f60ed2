package org.pledgeworks.pledge.system;

import org.springframework.http.HttpStatus;

/**
 * An error a feature answers with a problem type of its own. The feature says what the problem is,
 * and system/ turns it into problem details without knowing the feature (system/ depends on none).
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final String detail;

    protected ProblemException(HttpStatus status, String type, String title, String detail) {
        super(type);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
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
        return detail;
    }
}
