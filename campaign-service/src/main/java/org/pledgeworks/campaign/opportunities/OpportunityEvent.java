package org.pledgeworks.campaign.opportunities;

import java.util.UUID;

/** What every opportunity event gives the outbox: its id, its logical type on the wire and its key. */
sealed interface OpportunityEvent permits OpportunityPublished, OpportunityRevised, OpportunityClosed {

    UUID eventId();

    /** The Kafka key: the campaign, so that one campaign's events (and so each opportunity's) stay in order. */
    String campaignId();

    String wireType();
}
