package org.pledgeworks.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

/**
 * Whether what the gateway accepted arrived: signatures in pledge-service's MongoDB database
 * (counted through the driver) and {@code pledge-signed.v1} records on the {@code pledges} topic
 * (counted by reading it from the start with a group of its own). The stack is fresh for each run,
 * so every signature and every record there is the harness's own.
 */
final class Arrivals {

    record Count(long stored, long published) {
    }

    private final String mongoUri;
    private final String kafka;

    Arrivals(String mongoUri, String kafka) {
        this.mongoUri = mongoUri;
        this.kafka = kafka;
    }

    long signatures() {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            return client.getDatabase("pledgeworks-pledges").getCollection("signatures").countDocuments(new Document());
        }
    }

    long pledgeSignedRecords() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-count-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor("pledges", Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            Instant deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline) && !reached(consumer, end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header type = record.headers().lastHeader("ce_type");
                    if (type != null && "pledge-signed.v1".equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        Set<TopicPartition> behind = end.entrySet().stream().filter(e -> consumer.position(e.getKey()) < e.getValue())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        return behind.isEmpty();
    }

    /** Counts until both reach {@code accepted} (the outbox relay publishes a moment after the write) or the time is up. */
    Count await(long accepted, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        Count last;
        do {
            last = new Count(signatures(), pledgeSignedRecords());
            if (last.stored() >= accepted && last.published() >= accepted) {
                return last;
            }
            Thread.sleep(1000);
        } while (Instant.now().isBefore(deadline));
        return last;
    }
}
