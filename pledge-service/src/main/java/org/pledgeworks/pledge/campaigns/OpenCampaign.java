package org.pledgeworks.pledge.campaigns;

/** The facts about a campaign that signing needs. */
public record OpenCampaign(String campaignId, String slug, String title, boolean open, int pledgeTextVersion,
        String defaultLocale) {
}
