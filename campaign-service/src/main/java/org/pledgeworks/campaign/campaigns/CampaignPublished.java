package org.pledgeworks.campaign.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code campaign-published.v1} on topic {@code campaigns}: a campaign opened for signatures.
 * {@code partnerOrganisations} was added later (additive), so that pledge-service knows the coalition.
 */
record CampaignPublished(
        UUID eventId,
        Instant occurredAt,
        String campaignId,
        String slug,
        String title,
        String summary,
        String pledgeText,
        int pledgeTextVersion,
        String defaultLocale,
        long goal,
        String ownerOrganisation,
        List<String> partnerOrganisations,
        Instant endsAt) {

    static final String TYPE = "campaign-published.v1";

    static CampaignPublished of(Campaign campaign, Instant now) {
        return new CampaignPublished(UUID.randomUUID(), now, campaign.id(), campaign.slug(), campaign.title(),
                campaign.summary(), campaign.pledgeText(), campaign.pledgeTextVersion(), campaign.defaultLocale(),
                campaign.goal(), campaign.ownerOrganisation(), campaign.partnerOrganisations(), campaign.endsAt());
    }
}
