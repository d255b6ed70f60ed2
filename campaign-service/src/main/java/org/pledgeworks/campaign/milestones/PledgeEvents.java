package org.pledgeworks.campaign.milestones;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.pledgeworks.kit.events.EventDispatcher;
import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.kit.events.IncomingEvent;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What this service reads of the {@code pledges} topic, for the count: verifications (those with
 * {@code counted: false} are held in quarantine and wait), releases from quarantine, withdrawals.
 * Signed, erased and the rest are not counted here and are skipped.
 */
@Component
class PledgeEvents {

    private final EventDispatcher dispatcher;

    PledgeEvents(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = "campaign-service.pledges", topics = "pledges", groupId = "${pledgeworks.pledges-group:campaign-service}")
    void on(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(record);
    }

    /** @param counted absent (events from before the field existed) means counted, as the contract says */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PledgeVerified(UUID eventId, String signatureId, String campaignId, Optional<Boolean> counted)
            implements IncomingEvent {

        PledgeVerified {
            counted = counted == null ? Optional.empty() : counted;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PledgeReleased(UUID eventId, String signatureId, String campaignId) implements IncomingEvent {
    }

    /** @param wasVerified absent means it was not, so the count is not touched */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PledgeWithdrawn(UUID eventId, String signatureId, String campaignId, Optional<Boolean> wasVerified)
            implements IncomingEvent {

        PledgeWithdrawn {
            wasVerified = wasVerified == null ? Optional.empty() : wasVerified;
        }
    }

    /** One handler per type counted here; {@link Milestones} is idempotent on the event id. */
    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        EventHandler<PledgeVerified> pledgeVerified(Milestones milestones) {
            return EventHandler.of("pledge-verified.v1", PledgeVerified.class, (e, id) -> milestones.verified(
                    e.eventId().toString(), e.signatureId(), e.campaignId(), e.counted().orElse(true)));
        }

        @Bean
        EventHandler<PledgeReleased> pledgeReleased(Milestones milestones) {
            return EventHandler.of("pledge-released.v1", PledgeReleased.class,
                    (e, id) -> milestones.released(e.eventId().toString(), e.signatureId(), e.campaignId()));
        }

        @Bean
        EventHandler<PledgeWithdrawn> pledgeWithdrawn(Milestones milestones) {
            return EventHandler.of("pledge-withdrawn.v1", PledgeWithdrawn.class, (e, id) -> milestones.withdrawn(
                    e.eventId().toString(), e.signatureId(), e.campaignId(), e.wasVerified().orElse(false)));
        }
    }
}
