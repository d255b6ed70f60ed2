package org.pledgeworks.campaign.system;

/** The caller may see the thing but not do this to it (a viewer trying to change something): 403. */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}
