package org.pledgeworks.campaign.endorsements;

import java.time.Instant;
import java.util.UUID;

/** {@code campaign-endorsement-withdrawn.v1} on topic {@code campaigns}, keyed by the campaign. */
record CampaignEndorsementWithdrawn(UUID eventId, Instant occurredAt, String campaignId, String organisationId)
        implements EndorsementEvent {

    static final String TYPE = "campaign-endorsement-withdrawn.v1";

    @Override
    public String wireType() {
        return TYPE;
    }
}
