package org.pledgeworks.kit.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.pledgeworks.kit.kafka.ListenerErrorPolicy;

/**
 * Lists, shows and replays the records of a dead-letter topic, on the broker, with the Kafka clients
 * alone (the command line runs it without Spring). Every operation opens its own short-lived clients:
 * operators and the gauge call it rarely, and nothing is held between calls.
 * <p>
 * Replaying a record sends its key, value and headers (without the {@code kafka_dlt-*} ones) to the
 * topic and partition it came from, with {@link #REPLAY_OF} naming the dead letter, and then writes a
 * marker keyed by the dead letter's place ({@code partition:offset}) to the compacted topic
 * {@code <dead-letter topic>.replayed}. A record with a marker is never sent again, so a replay run
 * twice by mistake sends nothing the second time. The send comes before the marker: a crash between
 * the two sends the record again on the next replay, which the consumers, idempotent, shrug off; the
 * other order could lose it.
 * <p>
 * Longer than most classes here: list, show, count and replay share the scan of a topic and the
 * decoding of Spring Kafka's dead-letter headers, and apart they would each repeat them.
 */
public final class DeadLetters {

    /** The header a replayed record carries: {@code <dead-letter topic>:<partition>:<offset>}. */
    public static final String REPLAY_OF = "pledgeworks_replay-of";
    /** The suffix of the compacted topic that remembers what was replayed. */
    public static final String REPLAYED_SUFFIX = ".replayed";

    // Spring Kafka's DeadLetterPublishingRecoverer writes these (KafkaHeaders.DLT_*)
    static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    static final String ORIGINAL_TIMESTAMP = "kafka_dlt-original-timestamp";
    static final String ORIGINAL_GROUP = "kafka_dlt-original-consumer-group";
    static final String EXCEPTION = "kafka_dlt-exception-fqcn";
    static final String EXCEPTION_CAUSE = "kafka_dlt-exception-cause-fqcn";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> clientConfig;
    private final Clock clock;

    /** @param clientConfig where the broker is and how to reach it ({@code bootstrap.servers}, security) */
    public DeadLetters(Map<String, Object> clientConfig, Clock clock) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.clock = clock;
    }

    /** Where a record is in a dead-letter topic; written {@code partition:offset}. */
    public record Place(int partition, long offset) {

        public static Place parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("'" + text + "' is not partition:offset");
            }
            try {
                return new Place(Integer.parseInt(text.substring(0, colon).trim()),
                        Long.parseLong(text.substring(colon + 1).trim()));
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not partition:offset", e);
            }
        }

        @Override
        public String toString() {
            return partition + ":" + offset;
        }
    }

    /**
     * One dead letter as a list shows it: where it is, why it is there, where it came from.
     *
     * @param reason the error policy's reason header (the innermost exception), or Spring's exception message
     * @param group  the consumer group that gave up on it (two services consume {@code pledges})
     */
    public record DeadLetter(String topic, String place, String key, Instant time, String reason, String exception,
            String originalTopic, Integer originalPartition, Long originalOffset, String group, String eventType,
            boolean replayed) {
    }

    /** One dead letter with all its headers (numbers decoded, text as text) and its value. */
    public record Shown(DeadLetter deadLetter, Map<String, String> headers, String value) {
    }

    /** @param total records in the topic; @param pending those not yet replayed */
    public record Count(long total, long pending) {
    }

    /**
     * What a replay did: sent, already replayed before (sent nothing), not in the topic.
     */
    public record Replay(String topic, List<String> replayed, List<String> alreadyReplayed, List<String> notFound) {
    }

    /** Every record of the topic, oldest first per partition, at most {@code limit}. */
    public List<DeadLetter> list(String topic, int limit) {
        Set<Place> replayed = replayedPlaces(topic);
        List<DeadLetter> letters = new ArrayList<>();
        scan(topic, record -> {
            if (letters.size() < limit) {
                letters.add(summary(record, replayed.contains(place(record))));
            }
        });
        letters.sort(Comparator.comparing((DeadLetter d) -> Place.parse(d.place()).partition())
                .thenComparing(d -> Place.parse(d.place()).offset()));
        return letters;
    }

    /** The record at {@code place}, if the topic still holds it. */
    public Optional<Shown> show(String topic, Place place) {
        Set<Place> replayed = replayedPlaces(topic);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(topic, place.partition());
            List<TopicPartition> partitions = List.of(partition);
            if (partitionsOf(consumer, topic).stream().noneMatch(p -> p.partition() == place.partition())) {
                return Optional.empty();
            }
            consumer.assign(partitions);
            long begin = consumer.beginningOffsets(partitions).get(partition);
            long end = consumer.endOffsets(partitions).get(partition);
            if (place.offset() < begin || place.offset() >= end) {
                return Optional.empty();
            }
            consumer.seek(partition, place.offset());
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == place.offset()) {
                        return Optional.of(new Shown(summary(record, replayed.contains(place)), headers(record),
                                text(record.value())));
                    }
                    if (record.offset() > place.offset()) {
                        return Optional.empty();
                    }
                }
            }
            throw new IllegalStateException("could not read " + topic + " " + place + " within " + READ_TIMEOUT);
        }
    }

    /** Total and not-yet-replayed records of the topic, from its offsets and markers (no record is read). */
    public Count count(String topic) {
        Set<Place> replayed = replayedPlaces(topic);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = 0;
            long done = 0;
            for (TopicPartition partition : partitions) {
                long first = begin.get(partition);
                long next = end.get(partition);
                total += next - first;
                done += replayed.stream().filter(p -> p.partition() == partition.partition()
                        && p.offset() >= first && p.offset() < next).count();
            }
            return new Count(total, total - done);
        }
    }

    /** Replays every record of the topic not replayed before. */
    public Replay replayAll(String topic) {
        return replay(topic, null);
    }

    /** Replays the records at these places, each only if it was not replayed before. */
    public Replay replay(String topic, List<Place> places) {
        ensureMarkerTopic(topic);
        Set<Place> replayed = replayedPlaces(topic);
        Set<Place> wanted = places == null ? null : new HashSet<>(places);
        List<ConsumerRecord<byte[], byte[]>> chosen = new ArrayList<>();
        scan(topic, record -> {
            if (wanted == null || wanted.contains(place(record))) {
                chosen.add(record);
            }
        });
        List<String> sent = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<Place> found = new HashSet<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (ConsumerRecord<byte[], byte[]> record : chosen) {
                Place place = place(record);
                found.add(place);
                if (replayed.contains(place)) {
                    skipped.add(place.toString());
                    continue;
                }
                RecordMetadata to = await(producer.send(replayOf(producer, record)));
                String marker = "{\"replayedAt\":\"" + clock.instant() + "\",\"to\":\"" + to.topic() + ":"
                        + to.partition() + ":" + to.offset() + "\"}";
                await(producer.send(new ProducerRecord<>(topic + REPLAYED_SUFFIX, 0, bytes(place.toString()),
                        bytes(marker))));
                sent.add(place.toString());
            }
        }
        List<String> missing = wanted == null ? List.of()
                : places.stream().filter(p -> !found.contains(p)).map(Place::toString).distinct().toList();
        return new Replay(topic, sent, skipped, missing);
    }

    private ProducerRecord<byte[], byte[]> replayOf(KafkaProducer<byte[], byte[]> producer,
            ConsumerRecord<byte[], byte[]> record) {
        String source = Optional.ofNullable(header(record, ORIGINAL_TOPIC)).map(DeadLetters::text)
                .orElse(sourceOf(record.topic()));
        Integer partition = Optional.ofNullable(header(record, ORIGINAL_PARTITION)).map(DeadLetters::number)
                .map(Long::intValue).orElse(null);
        if (partition != null && partition >= producer.partitionsFor(source).size()) {
            partition = null; // the topic shrank or the header lies: let the key choose, as the original send did
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX) && !header.key().equals(ListenerErrorPolicy.REASON_HEADER)
                    && !header.key().equals(REPLAY_OF)) {
                headers.add(header);
            }
        }
        headers.add(REPLAY_OF, bytes(record.topic() + ":" + place(record)));
        return new ProducerRecord<>(source, partition, record.key(), record.value(), headers);
    }

    /** {@code campaigns.dlt} came from {@code campaigns}. */
    static String sourceOf(String deadLetterTopic) {
        int dot = deadLetterTopic.lastIndexOf('.');
        return dot > 0 ? deadLetterTopic.substring(0, dot) : deadLetterTopic;
    }

    private Set<Place> replayedPlaces(String topic) {
        Set<Place> places = new HashSet<>();
        String markers = topic + REPLAYED_SUFFIX;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            if (consumer.listTopics(READ_TIMEOUT).containsKey(markers)) {
                scan(consumer, markers, record -> {
                    Place place = Place.parse(text(record.key()));
                    if (record.value() == null) {
                        places.remove(place);
                    }
                    else {
                        places.add(place);
                    }
                });
            }
        }
        return places;
    }

    private void ensureMarkerTopic(String topic) {
        try (Admin admin = Admin.create(clientConfig)) {
            // one partition: the markers of a topic are few, and one partition reads in order
            NewTopic markers = new NewTopic(topic + REPLAYED_SUFFIX, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(markers)).all().get();
        }
        catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + topic + REPLAYED_SUFFIX, e.getCause());
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void scan(String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            scan(consumer, topic, each);
        }
    }

    /** Reads every partition of the topic from its beginning to the end it had when the scan began. */
    private static void scan(KafkaConsumer<byte[], byte[]> consumer, String topic,
            Consumer<ConsumerRecord<byte[], byte[]>> each) {
        List<TopicPartition> partitions = partitionsOf(consumer, topic);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
        Set<TopicPartition> open = new HashSet<>();
        partitions.stream().filter(p -> consumer.position(p) < end.get(p)).forEach(open::add);
        Instant deadline = Instant.now().plus(READ_TIMEOUT);
        while (!open.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + READ_TIMEOUT);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    each.accept(record);
                }
            }
            open.removeIf(p -> consumer.position(p) >= end.get(p));
        }
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, READ_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new UnknownTopicException(topic);
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    /** No such topic on the broker. */
    public static final class UnknownTopicException extends RuntimeException {

        UnknownTopicException(String topic) {
            super("no topic " + topic + " on the broker");
        }
    }

    private static DeadLetter summary(ConsumerRecord<byte[], byte[]> record, boolean replayed) {
        return new DeadLetter(record.topic(), place(record).toString(), text(record.key()),
                Instant.ofEpochMilli(record.timestamp()),
                Optional.ofNullable(headerText(record, ListenerErrorPolicy.REASON_HEADER))
                        .orElse(headerText(record, EXCEPTION_MESSAGE)),
                Optional.ofNullable(headerText(record, EXCEPTION_CAUSE)).orElse(headerText(record, EXCEPTION)),
                headerText(record, ORIGINAL_TOPIC),
                Optional.ofNullable(header(record, ORIGINAL_PARTITION)).map(DeadLetters::number).map(Long::intValue)
                        .orElse(null),
                Optional.ofNullable(header(record, ORIGINAL_OFFSET)).map(DeadLetters::number).orElse(null),
                headerText(record, ORIGINAL_GROUP), headerText(record, "ce_type"), replayed);
    }

    /** Every header, the last of each name, numbers of the DLT headers decoded. */
    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            boolean binary = header.key().equals(ORIGINAL_PARTITION) || header.key().equals(ORIGINAL_OFFSET)
                    || header.key().equals(ORIGINAL_TIMESTAMP);
            headers.put(header.key(), binary ? String.valueOf(number(header.value())) : text(header.value()));
        }
        return headers;
    }

    private static Place place(ConsumerRecord<?, ?> record) {
        return new Place(record.partition(), record.offset());
    }

    private static byte[] header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    private static String headerText(ConsumerRecord<byte[], byte[]> record, String name) {
        return text(header(record, name));
    }

    /** Spring writes the original partition as 4 bytes and offsets and times as 8; a tool may write text. */
    static Long number(byte[] value) {
        if (value == null) {
            return null;
        }
        if (value.length == Integer.BYTES) {
            return (long) ByteBuffer.wrap(value).getInt();
        }
        if (value.length == Long.BYTES) {
            return ByteBuffer.wrap(value).getLong();
        }
        try {
            return Long.parseLong(text(value).trim());
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static RecordMetadata await(java.util.concurrent.Future<RecordMetadata> send) {
        try {
            return send.get();
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a replay: " + e.getCause(), e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(config);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config);
    }
}
