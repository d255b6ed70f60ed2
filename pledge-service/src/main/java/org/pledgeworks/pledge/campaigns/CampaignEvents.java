package org.pledgeworks.pledge.campaigns;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.pledgeworks.pledge.system.MalformedEventException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps {@link CampaignCopies} up to date from the {@code campaigns} topic. */
@Component
class CampaignEvents {

    private final CampaignCopies copies;
    private final JsonMapper json;

    CampaignEvents(CampaignCopies copies, JsonMapper json) {
        this.copies = copies;
        this.json = json.rebuild().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    }

    @KafkaListener(id = "pledge-service.campaigns", topics = "campaigns")
    void on(ConsumerRecord<String, String> record) {
        switch (type(record)) {
            case "campaign-published.v1" -> {
                CampaignPublished e = parse(record, CampaignPublished.class);
                if (e.slug() == null || e.title() == null) {
                    throw new MalformedEventException("campaign-published without slug or title", null);
                }
                copies.apply(e.campaignId(), e.occurredAt(), Updates.combine(
                        Updates.set("slug", e.slug()),
                        Updates.set("title", e.title()),
                        Updates.set("status", "open"),
                        Updates.set("pledgeTextVersion", e.pledgeTextVersion()),
                        Updates.set("defaultLocale", e.defaultLocale()),
                        Updates.set("ownerOrganisation", e.ownerOrganisation()),
                        Updates.set("partnerOrganisations",
                                e.partnerOrganisations() == null ? java.util.List.of() : e.partnerOrganisations())));
            }
            case "campaign-closed.v1" -> {
                CampaignClosed e = parse(record, CampaignClosed.class);
                copies.apply(e.campaignId(), e.occurredAt(), Updates.set("status", "closed"));
            }
            case "pledge-text-revised.v1" -> {
                PledgeTextRevised e = parse(record, PledgeTextRevised.class);
                copies.apply(e.campaignId(), e.occurredAt(), Updates.set("pledgeTextVersion", e.pledgeTextVersion()));
            }
            default -> {
                // other campaign events are not this service's business
            }
        }
    }

    private <T extends CampaignEvent> T parse(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            T event = json.readValue(record.value(), type);
            if (event.campaignId() == null || event.occurredAt() == null) {
                throw new MalformedEventException("campaignId and occurredAt are required", null);
            }
            return event;
        }
        catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEventException("unreadable " + type.getSimpleName() + " at offset " + record.offset(), e);
        }
    }

    private static String type(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("ce_type");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    interface CampaignEvent {
        String campaignId();

        Instant occurredAt();
    }

    record CampaignPublished(String campaignId, Instant occurredAt, String slug, String title, int pledgeTextVersion,
            String defaultLocale, String ownerOrganisation, java.util.List<String> partnerOrganisations)
            implements CampaignEvent {
    }

    record CampaignClosed(String campaignId, Instant occurredAt) implements CampaignEvent {
    }

    record PledgeTextRevised(String campaignId, Instant occurredAt, int pledgeTextVersion) implements CampaignEvent {
    }
}
