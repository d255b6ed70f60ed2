package org.pledgeworks.campaign.system;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Declares the topics this service publishes to, with the partition counts DESIGN.md fixes, so that
 * a broker with auto-creation off (as in production) still has them. The launcher creates them too.
 * A record a listener cannot handle is retried a few times, then goes to {@code <topic>.dlt} (same
 * partition) and the partition moves on; an unreadable record is not retried at all.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

    static final String CAMPAIGNS = "campaigns";
    private static final String SEVEN_DAYS_MS = "604800000";

    @Bean
    NewTopic campaignsTopic() {
        return TopicBuilder.name(CAMPAIGNS).partitions(3).build();
    }

    @Bean
    NewTopic campaignsDeadLetterTopic() {
        return TopicBuilder.name(CAMPAIGNS + ".dlt").partitions(3).build();
    }

    /** Where this service's pledge listener dead-letters; personal data, so a week at most. */
    @Bean
    NewTopic pledgesDeadLetterTopic() {
        return TopicBuilder.name("pledges.dlt").partitions(6).config(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS)
                .build();
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> template) {
        DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(record.topic() + ".dlt", record.partition()));
        DefaultErrorHandler handler = new DefaultErrorHandler(toDeadLetters, new FixedBackOff(500, 3));
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }
}
