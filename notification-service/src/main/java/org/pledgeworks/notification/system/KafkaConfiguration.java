package org.pledgeworks.notification.system;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.pledgeworks.kit.kafka.ListenerErrorPolicy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The topics this service needs. The dispatcher and what happens to a record whose processing fails
 * are service-kit's ({@code ListenerAutoConfiguration}, set by {@code pledgeworks.events.*}).
 *
 * <p>This service owns {@code notifications}. pledge-service owns {@code pledges} and campaign-service
 * {@code campaigns}; they are declared here too (same settings, so harmless) so that
 * this service starts cleanly against a broker where nothing was created yet. Both carry personal
 * data: they keep it 7 days.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    static final String PLEDGES = "pledges";
    static final String CAMPAIGNS = "campaigns";
    /** campaign-service's events about a person's interest in an opportunity: personal data, a week. */
    static final String OPPORTUNITY_INTERESTS = "opportunity-interests";
    /** campaign-service's events about a person's RSVP to a calendar event: personal data, a week. */
    static final String EVENT_RSVPS = "event-rsvps";
    public static final String NOTIFICATIONS = "notifications";
    static final String DEAD_LETTER_SUFFIX = ListenerErrorPolicy.DEAD_LETTER_SUFFIX;

    private static final String SEVEN_DAYS_MS = "604800000";

    @Bean
    NewTopic pledgesTopic() {
        return TopicBuilder.name(PLEDGES).partitions(6).config(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS).build();
    }

    @Bean
    NewTopic pledgesDeadLetterTopic() {
        return TopicBuilder.name(PLEDGES + DEAD_LETTER_SUFFIX).partitions(6)
                .config(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS).build();
    }

    @Bean
    NewTopic opportunityInterestsTopic() {
        return TopicBuilder.name(OPPORTUNITY_INTERESTS).partitions(3)
                .config(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS).build();
    }

    @Bean
    NewTopic opportunityInterestsDeadLetterTopic() {
        return TopicBuilder.name(OPPORTUNITY_INTERESTS + DEAD_LETTER_SUFFIX).partitions(3)
                .config(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS).build();
    }

    @Bean
    NewTopic eventRsvpsTopic() {
        return TopicBuilder.name(EVENT_RSVPS).partitions(3).config(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS)
                .build();
    }

    @Bean
    NewTopic eventRsvpsDeadLetterTopic() {
        return TopicBuilder.name(EVENT_RSVPS + DEAD_LETTER_SUFFIX).partitions(3)
                .config(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS).build();
    }

    @Bean
    NewTopic campaignsTopic() {
        return TopicBuilder.name(CAMPAIGNS).partitions(3).build();
    }

    @Bean
    NewTopic campaignsDeadLetterTopic() {
        return TopicBuilder.name(CAMPAIGNS + DEAD_LETTER_SUFFIX).partitions(3).build();
    }

    /** One record per recipient and bulk message; 12 partitions: the unit of sending parallelism. */
    @Bean
    NewTopic notificationsTopic() {
        return TopicBuilder.name(NOTIFICATIONS).partitions(12).config(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS)
                .build();
    }

    @Bean
    NewTopic notificationsDeadLetterTopic() {
        return TopicBuilder.name(NOTIFICATIONS + DEAD_LETTER_SUFFIX).partitions(12)
                .config(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS).build();
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
