package org.pledgeworks.campaign.system;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

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
    private static final String SEVEN_DAYS_MS = "604800000";

    @Bean
    NewTopic campaignsTopic() {
        return TopicBuilder.name(CAMPAIGNS).partitions(3).build();
    }

    @Bean
    NewTopic campaignsDeadLetterTopic() {
        return TopicBuilder.name(CAMPAIGNS + ".dlt").partitions(3).build();
    }

    @Bean
    NewTopic opportunityInterestsTopic() {
        return TopicBuilder.name(OPPORTUNITY_INTERESTS).partitions(3)
                .config(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS).build();
    }

    @Bean
    NewTopic opportunityInterestsDeadLetterTopic() {
        return TopicBuilder.name(OPPORTUNITY_INTERESTS + ".dlt").partitions(3)
                .config(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS).build();
    }

    @Bean
    NewTopic eventRsvpsTopic() {
        return TopicBuilder.name(EVENT_RSVPS).partitions(3).config(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS)
                .build();
    }

    @Bean
    NewTopic eventRsvpsDeadLetterTopic() {
        return TopicBuilder.name(EVENT_RSVPS + ".dlt").partitions(3)
                .config(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS).build();
    }

    /** Where this service's pledge listener dead-letters; personal data, so a week at most. */
    @Bean
    NewTopic pledgesDeadLetterTopic() {
        return TopicBuilder.name("pledges.dlt").partitions(6).config(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS)
                .build();
    }
}
