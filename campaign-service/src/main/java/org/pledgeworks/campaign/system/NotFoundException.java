package org.pledgeworks.campaign.system;

import org.pledgeworks.kit.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Nothing to see here, for this caller: unknown, or a campaign of an organisation the caller does
 * not belong to (we do not confirm that it exists): 404. A feature whose misses a client tells apart
 * (a public campaign page) extends it with its own title and problem type.
 */
public class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        this("Not found", "not-found", detail);
    }

    /** {@code type} is the last segment of the problem type URI, e.g. {@code campaign-not-found}. */
    protected NotFoundException(String title, String type, String detail) {
        super(HttpStatus.NOT_FOUND, type, title, detail);
    }
}
