package org.pledgeworks.kit.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.pledgeworks.kit.events.MalformedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What every service's listeners do with a record whose processing throws:
 * <ul>
 * <li>a record that can never succeed ({@link MalformedEventException}) goes to {@code <topic>.dlt} at
 * once, same partition, with the reason in Spring Kafka's {@code kafka_dlt-exception-*} headers, and
 * the partition moves on;</li>
 * <li>a fault that will pass — the database or the broker unreachable, a timeout — holds the
 * partition: the record is tried again with a back-off growing to {@code maxBackOff}, for as long as
 * the fault lasts, and is never dead-lettered (every record behind it would fail the same way);</li>
 * <li>anything else is tried {@code retryAttempts} more times, {@code retryInterval} apart, then
 * dead-lettered: {@code ./pledgeworks dlt} and the operator API can replay it once fixed.</li>
 * </ul>
 * Counted as {@code <service>.events.failed.attempts} and {@code <service>.events.dead.lettered}; the
 * log says where a record is, never what it holds.
 */
public final class ListenerErrorPolicy {

    public static final String DEAD_LETTER_SUFFIX = ".dlt";
    /**
     * Why a record was dead-lettered, in a line an operator can read ({@code ./pledgeworks dlt list}):
     * the innermost exception's class and message. Spring's {@code kafka_dlt-exception-message} is the
     * listener container's wrapper, which names the listener method, not the fault.
     */
    public static final String REASON_HEADER = "pledgeworks_dlt-reason";

    private static final Logger log = LoggerFactory.getLogger(ListenerErrorPolicy.class);

    /**
     * @param meterPrefix   e.g. {@code pledge}, giving {@code pledge.events.dead.lettered}
     * @param retryInterval the wait between tries of a failing record, and the first wait while a fault passes
     * @param retryAttempts how often a record that fails for no known passing reason is tried again
     * @param maxBackOff    the longest wait between tries while the database or the broker is away
     */
    public record Settings(String meterPrefix, Duration retryInterval, long retryAttempts, Duration maxBackOff) {
    }

    private ListenerErrorPolicy() {
    }

    public static DefaultErrorHandler errorHandler(KafkaTemplate<?, ?> template, Settings settings,
            MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, record.partition()));
        recoverer.setLogRecoveryRecord(false);
        recoverer.setHeadersFunction((record, e) -> new RecordHeaders()
                .add(REASON_HEADER, CountingRetryListener.rootCause(e).getBytes(StandardCharsets.UTF_8)));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(settings.retryInterval().toMillis(), settings.retryAttempts()));
        handler.addNotRetryableExceptions(MalformedEventException.class);
        handler.setBackOffFunction((record, e) -> isTransient(e) ? untilItPasses(settings) : null);
        handler.setRetryListeners(new CountingRetryListener(settings.meterPrefix(), meters));
        return handler;
    }

    /** A fault of the surroundings that will pass, not of the record. */
    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MalformedEventException) {
                return false;
            }
            // a server gone or timing out, a replica set electing a primary, a broker without a leader
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                    || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException
                    || t instanceof MongoException mongo && mongo.hasErrorLabel("RetryableWriteError")
                    || t instanceof RetriableException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static ExponentialBackOff untilItPasses(Settings settings) {
        ExponentialBackOff backOff = new ExponentialBackOff(settings.retryInterval().toMillis(), 2.0);
        backOff.setMaxInterval(settings.maxBackOff().toMillis());
        return backOff;
    }

    /** Counts failed attempts and dead-lettered records; logs where they are, never what they hold. */
    static final class CountingRetryListener implements RetryListener {

        private final Counter failedAttempts;
        private final Counter deadLettered;

        CountingRetryListener(String prefix, MeterRegistry meters) {
            this.failedAttempts = Counter.builder(prefix + ".events.failed.attempts")
                    .description("Attempts at processing a consumed record that threw").register(meters);
            this.deadLettered = Counter.builder(prefix + ".events.dead.lettered")
                    .description("Consumed records sent to their dead-letter topic").register(meters);
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception e, int deliveryAttempt) {
            failedAttempts.increment();
            if (isTransient(e) && deliveryAttempt % 10 == 1) {
                log.warn("Record {}-{}@{} waits for a passing fault (attempt {}): {}", record.topic(),
                        record.partition(), record.offset(), deliveryAttempt, rootCause(e));
            }
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception e) {
            deadLettered.increment();
            log.warn("Record {}-{}@{} sent to {}{}: {}", record.topic(), record.partition(), record.offset(),
                    record.topic(), DEAD_LETTER_SUFFIX, rootCause(e));
        }

        static String rootCause(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }
}
