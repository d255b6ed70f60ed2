package org.pledgeworks.campaign.card;

import java.time.Instant;
import java.util.UUID;

/** {@code progress-updated.v1}: a target's overall score changed, so followers can be told. */
record ProgressUpdated(UUID eventId, Instant occurredAt, String campaignId, String campaignSlug, String campaignTitle,
        String targetId, String targetName, String cycle, Double overallScore, Double previousScore, String url) {

    static final String TYPE = "progress-updated.v1";
}
