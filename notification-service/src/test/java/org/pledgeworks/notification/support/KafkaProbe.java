package org.pledgeworks.notification.support;

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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Talks to the broker as an outside service would: publishes events with their CloudEvents headers
 * (as pledge-service does), and reads a topic from the beginning until it finds what a test waits for.
 */
public final class KafkaProbe {

    private static KafkaProducer<String, String> producer;

    private KafkaProbe() {
    }

    /**
     * Publishes one event as its producer would: JSON value, key = aggregate id, ce_* headers (a null
     * type or id leaves that header out).
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
                .add("ce_source", bytes("pledge-service"))
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
        List<ConsumerRecord<String, String>> found = awaitRecords(topic, matching, 1, timeout);
        return found.get(0);
    }

    public static List<ConsumerRecord<String, String>> awaitRecords(String topic,
            Predicate<ConsumerRecord<String, String>> matching, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> found = read(topic, matching, count, timeout);
        if (found.size() < count) {
            throw new AssertionError("expected " + count + " matching records on " + topic + " within " + timeout
                    + ", found " + found.size());
        }
        return found;
    }

    /** Everything matching that the topic holds, reading for {@code during} (it has no end to wait for). */
    public static List<ConsumerRecord<String, String>> recordsWithin(String topic,
            Predicate<ConsumerRecord<String, String>> matching, Duration during) {
        return read(topic, matching, Integer.MAX_VALUE, during);
    }

    private static List<ConsumerRecord<String, String>> read(String topic,
            Predicate<ConsumerRecord<String, String>> matching, int count, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        // a time-out, not a date: measured on the monotonic clock, whatever the test clock says
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (found.size() < count && System.nanoTime() - deadline < 0) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (matching.test(r)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
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
