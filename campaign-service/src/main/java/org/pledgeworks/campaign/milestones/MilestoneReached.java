package org.pledgeworks.campaign.milestones;

import java.time.Instant;
import java.util.UUID;

/** {@code milestone-reached.v1}: a campaign's verified signatures reached a threshold (once per threshold). */
record MilestoneReached(UUID eventId, Instant occurredAt, String campaignId, String campaignSlug,
        String campaignTitle, long threshold, long verifiedCount, long goal) {

    static final String TYPE = "milestone-reached.v1";
}
