package org.pledgeworks.campaign.opportunities;

import java.time.Instant;
import java.util.UUID;

/** {@code opportunity-published.v1}: an opportunity is open to volunteers; it carries what a page or mail shows. */
record OpportunityPublished(UUID eventId, Instant occurredAt, String campaignId, String campaignSlug,
        String campaignTitle, OpportunityView opportunity) implements OpportunityEvent {

    static final String TYPE = "opportunity-published.v1";

    @Override
    public String wireType() {
        return TYPE;
    }
}
