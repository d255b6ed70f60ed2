package org.pledgeworks.pledge.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.pledgeworks.kit.events.EventDispatcher;
import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.kit.events.IncomingEvent;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link CampaignCopies} up to date from the {@code campaigns} topic: the listener hands each
 * record to the kit's dispatcher, which reads it into the slim record of its type's handler below.
 * Other campaign events are not this service's business and are skipped.
 */
@Component
class CampaignEvents {

    private final EventDispatcher dispatcher;

    CampaignEvents(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = "pledge-service.campaigns", topics = "campaigns")
    void on(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(record);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CampaignPublished(UUID eventId, String campaignId, Instant occurredAt, String slug, String title,
            Integer pledgeTextVersion, String defaultLocale, String ownerOrganisation,
            Optional<List<String>> partnerOrganisations) implements IncomingEvent {

        CampaignPublished {
            partnerOrganisations = partnerOrganisations == null ? Optional.empty() : partnerOrganisations;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CampaignClosed(UUID eventId, String campaignId, Instant occurredAt) implements IncomingEvent {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PledgeTextRevised(UUID eventId, String campaignId, Instant occurredAt, Integer pledgeTextVersion)
            implements IncomingEvent {
    }

    /**
     * One handler per type this service reads of {@code campaigns}. Each applies its facts by
     * occurredAt ({@link CampaignCopies#apply}), so a redelivered or replayed event changes nothing.
     */
    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        EventHandler<CampaignPublished> campaignPublished(CampaignCopies copies) {
            return EventHandler.of("campaign-published.v1", CampaignPublished.class, (e, id) -> copies.apply(e.campaignId(),
                    e.occurredAt(), Updates.combine(
                            Updates.set("slug", e.slug()),
                            Updates.set("title", e.title()),
                            Updates.set("status", "open"),
                            Updates.set("pledgeTextVersion", e.pledgeTextVersion()),
                            Updates.set("defaultLocale", e.defaultLocale()),
                            Updates.set("ownerOrganisation", e.ownerOrganisation()),
                            Updates.set("partnerOrganisations", e.partnerOrganisations().orElse(List.of())))));
        }

        @Bean
        EventHandler<CampaignClosed> campaignClosed(CampaignCopies copies) {
            return EventHandler.of("campaign-closed.v1", CampaignClosed.class,
                    (e, id) -> copies.apply(e.campaignId(), e.occurredAt(), Updates.set("status", "closed")));
        }

        @Bean
        EventHandler<PledgeTextRevised> pledgeTextRevised(CampaignCopies copies) {
            return EventHandler.of("pledge-text-revised.v1", PledgeTextRevised.class, (e, id) -> copies.apply(e.campaignId(),
                    e.occurredAt(), Updates.set("pledgeTextVersion", e.pledgeTextVersion())));
        }
    }
}
