package org.pledgeworks.campaign.endorsements;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code campaign-endorsed.v1} on topic {@code campaigns}, keyed by the campaign: an organisation endorses the
 * campaign, or changed the quote of its standing endorsement (the latest event of a pair is its state).
 *
 * @param endorsedAt since when it stands (a quote changed later keeps it)
 * @param quote null: endorsed without one
 */
record CampaignEndorsed(UUID eventId, Instant occurredAt, String campaignId, String organisationId, String quote,
        Instant endorsedAt) implements EndorsementEvent {

    static final String TYPE = "campaign-endorsed.v1";

    static CampaignEndorsed of(Endorsement endorsement, UUID eventId, Instant now) {
        return new CampaignEndorsed(eventId, now, endorsement.campaignId(), endorsement.organisationId(),
                endorsement.quote(), endorsement.endorsedAt());
    }

    @Override
    public String wireType() {
        return TYPE;
    }
}
