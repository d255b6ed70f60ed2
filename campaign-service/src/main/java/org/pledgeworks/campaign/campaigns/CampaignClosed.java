package org.pledgeworks.campaign.campaigns;

import java.time.Instant;
import java.util.UUID;

/** {@code campaign-closed.v1}: the campaign takes no more signatures (closed by staff or at its end date). */
record CampaignClosed(UUID eventId, Instant occurredAt, String campaignId, String slug) {

    static final String TYPE = "campaign-closed.v1";
}
