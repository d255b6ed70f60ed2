package org.pledgeworks.notification.bulk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;
import org.pledgeworks.kit.events.MalformedEventException;
import org.pledgeworks.notification.mail.Links;

/**
 * {@code campaign-update-published.v1} on {@code campaigns}: an update goes to every subscriber of the
 * campaign. {@code bodyHtml} is sanitised by campaign-service; variants are the update in other locales.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CampaignUpdatePublished(
        UUID eventId,
        Instant occurredAt,
        String campaignId,
        String campaignSlug,
        String campaignTitle,
        String updateId,
        String locale,
        String title,
        String bodyHtml,
        String bodyText,
        String url,
        List<Variant> variants) implements IncomingEvent {

    public CampaignUpdatePublished {
        variants = variants == null ? List.of() : variants;
    }

    public static final String TYPE = "campaign-update-published.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Variant(String locale, String title, String bodyHtml, String bodyText) {
    }

    @Override
    public void validate() {
        Links.requireHttp(TYPE, "url", url);
        for (Variant variant : variants) {
            if (variant == null || variant.locale() == null || variant.title() == null || variant.bodyHtml() == null
                    || variant.bodyText() == null) {
                throw new MalformedEventException(TYPE + " with an incomplete variant");
            }
        }
    }
}
