package org.pledgeworks.campaign.endorsements;

import java.util.UUID;

/** An event about an endorsement: keyed by the campaign on {@code campaigns}, in order with its other events. */
sealed interface EndorsementEvent permits CampaignEndorsed, CampaignEndorsementWithdrawn {

    UUID eventId();

    String campaignId();

    String wireType();
}
