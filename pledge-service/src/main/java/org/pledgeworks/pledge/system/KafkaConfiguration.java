package org.pledgeworks.pledge.system;

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
 * Topics this service publishes to, and what happens to a record a listener cannot handle: a few
 * quick retries for transient trouble, then the record goes to {@code <topic>.dlt} (same partition)
 * and the partition moves on. A record that cannot be parsed is not retried at all.
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

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> template) {
        DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(record.topic() + ".dlt", record.partition()));
        DefaultErrorHandler handler = new DefaultErrorHandler(toDeadLetters, new FixedBackOff(500, 3));
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }
}
