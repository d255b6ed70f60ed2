package org.pledgeworks.campaign.system;

import org.pledgeworks.kit.web.ProblemException;

import org.springframework.http.HttpStatus;

/** The request clashes with the current state (a taken slug, publishing an open campaign): 409. */
public class ConflictException extends ProblemException {

    public ConflictException(String title, String detail) {
        super(HttpStatus.CONFLICT, "conflict", title, detail);
    }
}
