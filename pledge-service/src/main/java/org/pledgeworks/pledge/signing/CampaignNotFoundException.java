package org.pledgeworks.pledge.signing;

/** No campaign answers to this slug. */
public class CampaignNotFoundException extends RuntimeException {

    private final String slug;

    public CampaignNotFoundException(String slug) {
        super("campaign not found");
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
