package org.pledgeworks.campaign.outbox;

import org.pledgeworks.kit.outbox.OutboxCollections;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The collections of this service whose documents carry pending events; the kit builds the relay and
 * the serializer around them ({@code OutboxAutoConfiguration}), with {@code spring.application.name}
 * as the CloudEvents source and the sweeps set by {@code pledgeworks.outbox.*}.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of("campaigns", "tallies", "updates", "card-targets", "opportunities",
                "organisations", "opportunity-interests", "calendar-events", "endorsements",
                "event-rsvps", "event-rsvp-seats",
                "opportunity-interest-digests");
    }
}
