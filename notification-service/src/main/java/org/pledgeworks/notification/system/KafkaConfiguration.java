package org.pledgeworks.notification.system;

import org.pledgeworks.kit.kafka.Topics;
import org.pledgeworks.kit.kafka.Topics.Retention;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The topics this service needs. The dispatcher and what happens to a record whose processing fails
 * are service-kit's ({@code ListenerAutoConfiguration}, set by {@code pledgeworks.events.*}).
 *
 * <p>This service owns {@code notifications}. pledge-service owns {@code pledges} and campaign-service
 * {@code campaigns} and {@code opportunity-interests}; they are declared here too (same settings, so
 * harmless) so that this service starts cleanly against a broker where nothing was created yet.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    static final String PLEDGES = "pledges";
    static final String CAMPAIGNS = "campaigns";
    /** campaign-service's events about a person's interest in an opportunity: personal data, a week. */
    static final String OPPORTUNITY_INTERESTS = "opportunity-interests";
    /** campaign-service's events about a person's RSVP to a calendar event: personal data, a week. */
    static final String EVENT_RSVPS = "event-rsvps";
    /**
     * The gateway's events about staff accounts (invitations, password resets): addresses and sealed links,
     * a week. The gateway owns and creates the topic; only its dead-letter topic is declared here, where
     * this service's listener sends what it can never mail.
     */
    static final String STAFF = "staff";
    public static final String NOTIFICATIONS = "notifications";

    /** {@code notifications}: one record per recipient and bulk message; 12 partitions, the unit of sending parallelism. */
    @Bean
    KafkaAdmin.NewTopics topics() {
        return Topics.declare()
                .withDeadLetter(PLEDGES, 6, Retention.PERSONAL_DATA)
                .withDeadLetter(OPPORTUNITY_INTERESTS, 3, Retention.PERSONAL_DATA)
                .withDeadLetter(EVENT_RSVPS, 3, Retention.PERSONAL_DATA)
                .deadLetterOnly(STAFF, 3, Retention.PERSONAL_DATA)
                .withDeadLetter(CAMPAIGNS, 3, Retention.BROKER_DEFAULT)
                .withDeadLetter(NOTIFICATIONS, 12, Retention.PERSONAL_DATA)
                .build();
    }

    /**
     * Listener timers from observations only. This Spring Kafka observes record listeners but not batch
     * listeners ({@code notifications}), which fall back to its legacy timer under the same meter name with
     * other tag keys; Prometheus then refuses whichever registers second, so the record listeners' timers
     * went missing (spring-kafka#3947, fixed in a later release). The batch listener goes without a timer;
     * {@code notification_*} meters count what it does.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> observationTimersOnly() {
        return container -> container.getContainerProperties().setMicrometerEnabled(false);
    }

}
