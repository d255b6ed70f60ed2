package org.pledgeworks.campaign.system;

/** The request clashes with the current state (a taken slug, publishing an open campaign): 409. */
public class ConflictException extends RuntimeException {

    private final String title;

    public ConflictException(String title, String detail) {
        super(detail);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
