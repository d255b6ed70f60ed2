package org.pledgeworks.notification.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;

/**
 * {@code campaign-published.v1} on {@code campaigns}: what mail about a campaign needs of it, and whose staff
 * may see its subscribers' consent and delivery figures (owner and partners; partners optional for older events).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CampaignPublished(
        UUID eventId,
        Instant occurredAt,
        String campaignId,
        String slug,
        String title,
        String defaultLocale,
        String ownerOrganisation,
        Optional<List<String>> partnerOrganisations) implements IncomingEvent {

    public static final String TYPE = "campaign-published.v1";

    /** A campaign run by its owner alone. */
    public CampaignPublished(UUID eventId, Instant occurredAt, String campaignId, String slug, String title,
            String defaultLocale, String ownerOrganisation) {
        this(eventId, occurredAt, campaignId, slug, title, defaultLocale, ownerOrganisation, Optional.empty());
    }
}
