package org.pledgeworks.campaign.updates;

import java.time.Instant;
import java.util.List;

/**
 * An update as stored ({@link UpdateRepository} alone maps it to and from BSON); {@code body} is Markdown,
 * rendered (and sanitised) when shown or sent.
 */
record CampaignUpdate(String id, String campaignId, UpdateStatus status, String locale, String title, String body,
        List<Variant> variants, Instant publishAt, Instant publishedAt, Instant createdAt, String createdBy) {

    enum UpdateStatus {
        DRAFT, SCHEDULED, PUBLISHED
    }

    record Variant(String locale, String title, String body) {
    }
}
