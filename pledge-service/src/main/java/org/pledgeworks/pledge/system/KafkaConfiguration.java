package org.pledgeworks.pledge.system;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Topics this service publishes to and dead-letters to. The dispatcher and the listener error policy
 * are service-kit's ({@code ListenerAutoConfiguration}, set by {@code pledgeworks.events.*}).
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    private static final String SEVEN_DAYS_MS = "604800000";

    @Bean
    NewTopic pledgesTopic() {
        // personal data: kept no longer than a week
        return TopicBuilder.name("pledges").partitions(6).config(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS).build();
    }

    @Bean
    NewTopic pledgesDeadLetterTopic() {
        return TopicBuilder.name("pledges.dlt").partitions(6).config(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS)
                .build();
    }

    @Bean
    NewTopic campaignsDeadLetterTopic() {
        return TopicBuilder.name("campaigns.dlt").partitions(3).build();
    }

}
