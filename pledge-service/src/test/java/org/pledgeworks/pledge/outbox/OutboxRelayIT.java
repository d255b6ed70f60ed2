package org.pledgeworks.pledge.outbox;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.outbox.OutboxRelay;
import org.pledgeworks.kit.outbox.OutboxRelay.OutboxSettings;
import org.pledgeworks.kit.outbox.PendingEvent;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.TestClock;
import org.pledgeworks.pledge.support.ServiceIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

/**
 * At least once, with the sweeps bounded: a publish that fails is retried by the frequent sweep (a
 * lookup by id), and an event no instance remembers (a crash between write and publish) is found by
 * the full sweep. The relay under test is a second instance over the same database and broker, with
 * a producer that can be made to fail; the service's own relay leaves these documents alone (its
 * full sweep runs at start and every 5 minutes).
 */
class OutboxRelayIT extends ServiceIT {

    private static final String COLLECTION = "dataRequests";

    @Autowired
    MongoDatabase database;

    @Autowired
    KafkaTemplate<String, String> kafka;

    FlakyTemplate producer;
    OutboxRelay relay;
    MongoCollection<Document> documents;

    @BeforeEach
    void relayWithAProducerThatCanFail() {
        producer = new FlakyTemplate(kafka.getProducerFactory());
        relay = new OutboxRelay(database, producer,
                new OutboxSettings("pledge-service", List.of(COLLECTION), Duration.ZERO), TestClock.clock());
        documents = database.getCollection(COLLECTION);
    }

    @AfterEach
    void stop() {
        relay.destroy();
    }

    @Test
    void aPublishThatFailsIsRetriedByTheSweepAndThenLeftAlone() {
        String id = "outbox-test-" + UUID.randomUUID();
        PendingEvent event = event(id);
        documents.insertOne(new Document("_id", id).append(PendingEvent.FIELD, List.of(event.toDocument())));
        producer.failing = true;

        CompletableFuture<Void> first = relay.publish(COLLECTION, id, List.of(event));

        assertThatThrownBy(first::join).hasRootCauseInstanceOf(KafkaException.class);
        assertThat(pending(id)).as("kept for a retry").hasSize(1);
        assertThat(relay.outstanding()).isEqualTo(1);

        producer.failing = false;
        relay.sweep();

        ConsumerRecord<String, String> published = KafkaProbe.awaitRecord("pledges", r -> id.equals(r.key()),
                Duration.ofSeconds(20));
        assertThat(KafkaProbe.header(published, "ce_id")).isEqualTo(event.eventId().toString());
        assertThat(pending(id)).as("removed once the broker has it").isEmpty();
        assertThat(relay.outstanding()).isZero();
        assertThat(producer.calls.get()).isEqualTo(2);

        relay.sweep();
        assertThat(producer.calls.get()).as("nothing left to retry: no send, no scan").isEqualTo(2);
    }

    @Test
    void anEventNoRelayRemembersIsFoundByTheFullSweep() {
        String id = "outbox-test-" + UUID.randomUUID();
        PendingEvent event = event(id);
        // as after a crash between the write and its publish: the event is only in the document
        documents.insertOne(new Document("_id", id).append(PendingEvent.FIELD, List.of(event.toDocument())));

        relay.sweep();
        assertThat(producer.calls.get()).as("the frequent sweep only retries what it saw fail").isZero();

        relay.fullSweep();

        ConsumerRecord<String, String> published = KafkaProbe.awaitRecord("pledges", r -> id.equals(r.key()),
                Duration.ofSeconds(20));
        assertThat(KafkaProbe.header(published, "ce_id")).isEqualTo(event.eventId().toString());
        assertThat(pending(id)).isEmpty();
    }

    /** Stamped a second ago by the clock the relay judges age by, as EventSerializer stamps every entry. */
    private static PendingEvent event(String key) {
        return new PendingEvent(UUID.randomUUID(), "outbox-test.v1", "pledges", key, "{\"test\":true}",
                TestClock.now().minusSeconds(1));
    }

    private List<Document> pending(String id) {
        return documents.find(eq("_id", id)).first().getList(PendingEvent.FIELD, Document.class, List.of());
    }

    /** The real producer, unless told to fail as an unreachable broker would. */
    static class FlakyTemplate extends KafkaTemplate<String, String> {

        final AtomicInteger calls = new AtomicInteger();
        volatile boolean failing;

        FlakyTemplate(ProducerFactory<String, String> factory) {
            super(factory);
        }

        @Override
        public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
            calls.incrementAndGet();
            if (failing) {
                return CompletableFuture.failedFuture(new KafkaException("broker unreachable (test)"));
            }
            return super.send(record);
        }
    }
}
