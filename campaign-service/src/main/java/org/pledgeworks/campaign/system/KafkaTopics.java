package org.pledgeworks.campaign.system;

import org.pledgeworks.kit.kafka.Topics;
import org.pledgeworks.kit.kafka.Topics.Retention;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the topics this service publishes to, with the partition counts DESIGN.md fixes, so that
 * a broker with auto-creation off (as in production) still has them. The launcher creates them too.
 * Consumed events reach their handlers through the kit's dispatcher, under its listener error policy
 * (service-kit's {@code ListenerAutoConfiguration}, set by {@code pledgeworks.events.*}).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaTopics {

    public static final String CAMPAIGNS = "campaigns";
    /** A person's interest in an opportunity: name and address, so a week at most, and not on {@code campaigns}. */
    public static final String OPPORTUNITY_INTERESTS = "opportunity-interests";
    /** A person's RSVP to a calendar event: name and address, so a week at most, and not on {@code campaigns}. */
    public static final String EVENT_RSVPS = "event-rsvps";

    /**
     * {@code pledges.dlt} is where this service's pledge listener dead-letters; pledge-service declares
     * {@code pledges} itself. Likewise {@code staff.dlt} for the audit log's listener (the gateway owns
     * {@code staff}, whose events carry invitees' addresses: a week, as the topic).
     */
    @Bean
    KafkaAdmin.NewTopics topics() {
        return Topics.declare()
                .withDeadLetter(CAMPAIGNS, 3, Retention.BROKER_DEFAULT)
                .withDeadLetter(OPPORTUNITY_INTERESTS, 3, Retention.PERSONAL_DATA)
                .withDeadLetter(EVENT_RSVPS, 3, Retention.PERSONAL_DATA)
                .deadLetterOnly("pledges", 6, Retention.PERSONAL_DATA)
                .deadLetterOnly("staff", 3, Retention.PERSONAL_DATA)
                .build();
    }
}
