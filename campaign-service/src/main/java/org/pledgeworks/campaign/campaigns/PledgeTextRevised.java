package org.pledgeworks.campaign.campaigns;

import java.time.Instant;
import java.util.UUID;

/** {@code pledge-text-revised.v1}: new signatures sign this version; older ones keep the one they signed. */
record PledgeTextRevised(UUID eventId, Instant occurredAt, String campaignId, String slug, int pledgeTextVersion,
        String pledgeText) {

    static final String TYPE = "pledge-text-revised.v1";
}
