package org.pledgeworks.pledge.system;

import org.pledgeworks.kit.web.ProblemException;

import org.springframework.http.HttpStatus;

/** The staff member's token is valid but gives no right over this campaign: 403. */
public class NotPermittedException extends ProblemException {

    public NotPermittedException(String message) {
        super(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", message);
    }
}
