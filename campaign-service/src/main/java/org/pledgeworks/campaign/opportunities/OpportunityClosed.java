package org.pledgeworks.campaign.opportunities;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code opportunity-closed.v1}: a published opportunity takes no more people. One type for both ends,
 * since a consumer stops showing it either way; {@code outcome} ({@code filled} or {@code closed}) says
 * which, for a page that wants to thank the volunteers.
 */
record OpportunityClosed(UUID eventId, Instant occurredAt, String campaignId, String campaignSlug,
        String opportunityId, String postingOrganisation, String outcome) implements OpportunityEvent {

    static final String TYPE = "opportunity-closed.v1";

    @Override
    public String wireType() {
        return TYPE;
    }
}
