package org.pledgeworks.pledge.system;

/** The staff member's token is valid but gives no right over this campaign: 403. */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}
