package org.pledgeworks.pledge.signing;

/** The campaign exists but takes no signatures (closed or archived). */
public class CampaignNotOpenException extends RuntimeException {

    private final String slug;

    CampaignNotOpenException(String slug) {
        super("campaign not open");
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
