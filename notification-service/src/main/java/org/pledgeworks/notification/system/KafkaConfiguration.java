package org.pledgeworks.notification.system;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.pledgeworks.notification.events.MalformedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The topics this service needs, and what happens to a record whose processing fails.
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
    public static final String NOTIFICATIONS = "notifications";
    static final String DEAD_LETTER_SUFFIX = ".dlt";

    private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);
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

    /**
     * Picked up by Boot's listener container factory. A record that cannot be parsed goes to
     * {@code <topic>.dlt} at once (retrying cannot fix it) and the next record flows; other failures
     * are retried a few times first. While the database is unreachable the record is retried without
     * limit instead: the record is fine, and every record behind it would fail the same way.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> template,
            NotificationServiceProperties properties, MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, record.partition()));
        recoverer.setLogRecoveryRecord(false);
        NotificationServiceProperties.Events settings = properties.events();
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(settings.retryInterval().toMillis(), settings.retryAttempts()));
        handler.addNotRetryableExceptions(MalformedEventException.class);
        handler.setBackOffFunction((record, e) -> databaseUnreachable(e) ? untilTheDatabaseIsBack() : null);
        handler.setRetryListeners(new CountingRetryListener(meters));
        return handler;
    }

    private static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException) {
                return true;
            }
        }
        return false;
    }

    private static ExponentialBackOff untilTheDatabaseIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(30_000);
        return backOff;
    }

    /** Counts failed attempts and dead-lettered records; logs where they are, never what they hold. */
    static final class CountingRetryListener implements RetryListener {

        private final Counter failedAttempts;
        private final Counter deadLettered;

        CountingRetryListener(MeterRegistry meters) {
            this.failedAttempts = Counter.builder("notification.events.failed.attempts")
                    .description("Attempts at processing a consumed record that threw").register(meters);
            this.deadLettered = Counter.builder("notification.events.dead.lettered")
                    .description("Consumed records sent to their dead-letter topic").register(meters);
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception e, int deliveryAttempt) {
            failedAttempts.increment();
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception e) {
            deadLettered.increment();
            log.warn("Record {}-{}@{} sent to {}{}: {}", record.topic(), record.partition(), record.offset(),
                    record.topic(), DEAD_LETTER_SUFFIX, rootCause(e));
        }

        private static String rootCause(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }
}
