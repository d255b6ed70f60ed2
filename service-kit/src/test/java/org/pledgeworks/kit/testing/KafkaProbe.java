package org.pledgeworks.kit.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Talks to the {@link TestInfrastructure} broker as an outside service would: publishes events with
 * their CloudEvents headers, and reads a topic from the beginning until it finds what a test waits for.
 * Its time-outs are spans of elapsed time on the monotonic clock ({@link System#nanoTime()}), not
 * instants of the {@link TestClock}: how long to wait has nothing to do with the calendar.
 */
public final class KafkaProbe {

    private static KafkaProducer<String, String> producer;

    private KafkaProbe() {
    }

    /** Publishes one event as its producer would, with a fresh event id. */
    public static RecordMetadata publishEvent(String topic, String key, String type, String json) {
        return publishEvent(topic, key, type, UUID.randomUUID().toString(), json);
    }

    /**
     * Publishes one event as its producer would: JSON value, key = aggregate id, ce_* headers (a null
     * type or id leaves that header out, as a broken producer might).
     */
    public static RecordMetadata publishEvent(String topic, String key, String type, String eventId, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        if (type != null) {
            record.headers().add("ce_type", bytes(type));
        }
        if (eventId != null) {
            record.headers().add("ce_id", bytes(eventId));
        }
        record.headers()
                .add("ce_source", bytes("kafka-probe"))
                .add("ce_specversion", bytes("1.0"))
                .add("content-type", bytes("application/json"));
        try {
            return producer().send(record).get();
        }
        catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    public static ConsumerRecord<String, String> awaitRecord(String topic,
            Predicate<ConsumerRecord<String, String>> matching, Duration timeout) {
        return awaitRecords(topic, matching, 1, timeout).get(0);
    }

    /** The first {@code count} matching records; fails when fewer arrive within the time-out. */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic,
            Predicate<ConsumerRecord<String, String>> matching, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> found = read(topic, matching, count, timeout);
        if (found.size() < count) {
            throw new AssertionError("expected " + count + " matching records on " + topic + " within " + timeout
                    + ", found " + found.size());
        }
        return found;
    }

    /**
     * Every matching record on the topic, reading for the whole window: for "exactly N" and "none"
     * checks about records that may still be on their way.
     */
    public static List<ConsumerRecord<String, String>> allRecords(String topic,
            Predicate<ConsumerRecord<String, String>> matching, Duration window) {
        return read(topic, matching, Integer.MAX_VALUE, window);
    }

    /** How many records on the topic match, reading it to its end as it stands now. */
    public static int count(String topic, Predicate<ConsumerRecord<String, String>> matching) {
        return (int) recordsToEnd(TestInfrastructure.kafkaBootstrapServers(), topic, Duration.ofSeconds(20)).stream()
                .filter(matching).count();
    }

    /**
     * Every record of the topic on the broker at {@code bootstrapServers}, from the beginning to the
     * topic's end as it stands now. Fails when that end is not reached within {@code timeout}: a count
     * of part of a topic would pass "none" checks it should not. The broker may be another than
     * {@link TestInfrastructure}'s, such as a stack started by the infra module's tests.
     */
    public static List<ConsumerRecord<String, String>> recordsToEnd(String bootstrapServers, String topic,
            Duration timeout) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("could not read " + topic + " to its end within " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The last value of a header as UTF-8 text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Reads from the beginning until {@code enough} records match or the time is up. */
    private static List<ConsumerRecord<String, String>> read(String topic,
            Predicate<ConsumerRecord<String, String>> matching, int enough, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            while (found.size() < enough && System.nanoTime() - deadline < 0) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (matching.test(r)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private static KafkaConsumer<String, String> consumer() {
        return consumer(TestInfrastructure.kafkaBootstrapServers());
    }

    /**
     * A consumer of its own group on the broker at {@code bootstrapServers}, so it reads everything from
     * the beginning and disturbs no service; it only reads, so it commits no offsets either.
     */
    public static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
            KafkaProducer<String, String> created = producer;
            Runtime.getRuntime().addShutdownHook(new Thread(created::close));
        }
        return producer;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
