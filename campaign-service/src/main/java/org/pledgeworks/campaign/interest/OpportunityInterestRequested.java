package org.pledgeworks.campaign.interest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code opportunity-interest-requested.v1} on {@code opportunity-interests}, keyed by the opportunity: a
 * person expressed interest (or expressed it again while it was pending) and must confirm it. Carries what
 * the confirmation mail needs, links included; notification-service sends it.
 *
 * @param organisation the posting organisation, who will contact the person once confirmed
 */
record OpportunityInterestRequested(UUID eventId, Instant occurredAt, String interestId, String opportunityId,
        String opportunityTitle, String campaignId, String campaignSlug, String campaignTitle, String organisation,
        String name, String email, String locale, URI confirmUrl, Instant confirmExpiresAt, URI withdrawUrl,
        URI opportunityUrl) {

    static final String TYPE = "opportunity-interest-requested.v1";
}
