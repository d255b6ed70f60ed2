package org.pledgeworks.notification.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code campaign-published.v1} on {@code campaigns}: what mail about a campaign needs of it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CampaignPublished(
        UUID eventId,
        Instant occurredAt,
        String campaignId,
        String slug,
        String title,
        String defaultLocale,
        String ownerOrganisation) implements IncomingEvent {

    public static final String TYPE = "campaign-published.v1";
}
