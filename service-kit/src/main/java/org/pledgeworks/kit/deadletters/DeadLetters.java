package org.pledgeworks.kit.deadletters;

import static org.pledgeworks.kit.deadletters.BrokerClients.READ_TIMEOUT;
import static org.pledgeworks.kit.deadletters.DeadLetterRecords.DLT_HEADER_PREFIX;
import static org.pledgeworks.kit.deadletters.DeadLetterRecords.ORIGINAL_PARTITION;
import static org.pledgeworks.kit.deadletters.DeadLetterRecords.ORIGINAL_TOPIC;
import static org.pledgeworks.kit.deadletters.DeadLetterRecords.bytes;
import static org.pledgeworks.kit.deadletters.DeadLetterRecords.header;
import static org.pledgeworks.kit.deadletters.DeadLetterRecords.headers;
import static org.pledgeworks.kit.deadletters.DeadLetterRecords.place;
import static org.pledgeworks.kit.deadletters.DeadLetterRecords.summary;
import static org.pledgeworks.kit.deadletters.DeadLetterRecords.text;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
 * The clients and the scan of a topic are {@link BrokerClients}', the decoding of Spring Kafka's
 * dead-letter headers {@link DeadLetterRecords}', the markers {@link ReplayMarkers}'.
 */
public final class DeadLetters {

    /** The header a replayed record carries: {@code <dead-letter topic>:<partition>:<offset>}. */
    public static final String REPLAY_OF = "pledgeworks_replay-of";
    /** The suffix of the compacted topic that remembers what was replayed. */
    public static final String REPLAYED_SUFFIX = ".replayed";

    private final BrokerClients clients;
    private final ReplayMarkers markers;
    private final Clock clock;

    /** @param clientConfig where the broker is and how to reach it ({@code bootstrap.servers}, security) */
    public DeadLetters(Map<String, Object> clientConfig, Clock clock) {
        this.clients = new BrokerClients(clientConfig);
        this.markers = new ReplayMarkers(clients);
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
        Set<Place> replayed = markers.replayed(topic);
        List<DeadLetter> letters = new ArrayList<>();
        clients.scan(topic, record -> {
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
        Set<Place> replayed = markers.replayed(topic);
        try (KafkaConsumer<byte[], byte[]> consumer = clients.consumer()) {
            TopicPartition partition = new TopicPartition(topic, place.partition());
            List<TopicPartition> partitions = List.of(partition);
            if (BrokerClients.partitionsOf(consumer, topic).stream().noneMatch(p -> p.partition() == place.partition())) {
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
        Set<Place> replayed = markers.replayed(topic);
        try (KafkaConsumer<byte[], byte[]> consumer = clients.consumer()) {
            List<TopicPartition> partitions = BrokerClients.partitionsOf(consumer, topic);
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
        markers.ensureTopic(topic);
        Set<Place> replayed = markers.replayed(topic);
        Set<Place> wanted = places == null ? null : new HashSet<>(places);
        List<ConsumerRecord<byte[], byte[]>> chosen = new ArrayList<>();
        clients.scan(topic, record -> {
            if (wanted == null || wanted.contains(place(record))) {
                chosen.add(record);
            }
        });
        List<String> sent = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<Place> found = new HashSet<>();
        try (KafkaProducer<byte[], byte[]> producer = clients.producer()) {
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
        String source = Optional.ofNullable(header(record, ORIGINAL_TOPIC)).map(DeadLetterRecords::text)
                .orElse(sourceOf(record.topic()));
        Integer partition = Optional.ofNullable(header(record, ORIGINAL_PARTITION)).map(DeadLetterRecords::number)
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

    /** No such topic on the broker. */
    public static final class UnknownTopicException extends RuntimeException {

        UnknownTopicException(String topic) {
            super("no topic " + topic + " on the broker");
        }
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

}
