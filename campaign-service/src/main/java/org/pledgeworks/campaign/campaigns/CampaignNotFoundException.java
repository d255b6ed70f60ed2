package org.pledgeworks.campaign.campaigns;

/** No published campaign answers to this slug (drafts are not found either: they are not public). */
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
