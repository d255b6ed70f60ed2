package org.pledgeworks.campaign.updates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code campaign-update-published.v1}: an update went out; notification-service mails it to followers. */
record CampaignUpdatePublished(UUID eventId, Instant occurredAt, String campaignId, String campaignSlug,
        String campaignTitle, String updateId, String locale, String title, String bodyHtml, String bodyText,
        String url, List<Variant> variants) {

    static final String TYPE = "campaign-update-published.v1";

    record Variant(String locale, String title, String bodyHtml, String bodyText) {
    }
}
