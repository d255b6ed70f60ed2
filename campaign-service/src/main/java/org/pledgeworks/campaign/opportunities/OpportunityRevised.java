package org.pledgeworks.campaign.opportunities;

import java.time.Instant;
import java.util.UUID;

/** {@code opportunity-revised.v1}: a published opportunity was edited; it carries the whole new version. */
record OpportunityRevised(UUID eventId, Instant occurredAt, String campaignId, String campaignSlug,
        String campaignTitle, OpportunityView opportunity) implements OpportunityEvent {

    static final String TYPE = "opportunity-revised.v1";

    @Override
    public String wireType() {
        return TYPE;
    }
}
