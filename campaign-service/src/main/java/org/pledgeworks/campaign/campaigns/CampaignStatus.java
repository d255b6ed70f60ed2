package org.pledgeworks.campaign.campaigns;

/** The lifecycle of a campaign: only open campaigns take signatures. */
public enum CampaignStatus {
    DRAFT, OPEN, CLOSED, ARCHIVED;

    String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
