package org.pledgeworks.pledge.campaigns;

import java.util.List;

/**
 * The facts about a campaign that signing needs, and the organisations (owner first, then partners)
 * whose staff may review its signatures.
 */
public record OpenCampaign(String campaignId, String slug, String title, boolean open, int pledgeTextVersion,
        String defaultLocale, List<String> organisations) {
}
