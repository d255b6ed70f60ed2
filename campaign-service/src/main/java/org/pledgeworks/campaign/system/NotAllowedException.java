package org.pledgeworks.campaign.system;

import org.pledgeworks.kit.web.ProblemException;

import org.springframework.http.HttpStatus;

/** The caller may see the thing but not do this to it (a viewer trying to change something): 403. */
public class NotAllowedException extends ProblemException {

    public NotAllowedException(String message) {
        super(HttpStatus.FORBIDDEN, "not-allowed", "Not allowed", message);
    }
}
