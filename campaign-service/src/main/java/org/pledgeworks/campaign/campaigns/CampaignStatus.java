package org.pledgeworks.campaign.campaigns;

import java.util.Locale;

/** The lifecycle of a campaign: draft → open → closed → archived. Only open campaigns take signatures. */
public enum CampaignStatus {
    DRAFT, OPEN, CLOSED, ARCHIVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
