package org.pledgeworks.pledge.outbox;

import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.pull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.pledgeworks.pledge.system.PledgeServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the events that writes leave in their documents' {@code pendingEvents}, then removes
 * them. Every write hands its events to {@link #publish} right away; a periodic sweep catches what a
 * crash or a broker outage left behind. A crash between send and removal sends an event twice, which
 * consumers absorb because they are idempotent on {@code ce_id}.
 */
@Component
public class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** The collections whose documents carry pending events. */
    static final List<String> COLLECTIONS = List.of("signatures", "dataRequests");

    private final MongoDatabase database;
    private final KafkaTemplate<String, String> kafka;
    private final PledgeServiceProperties.Outbox settings;
    // Removing published events is a database round trip: never do it on the producer's I/O thread.
    private final ExecutorService cleanup = Executors.newFixedThreadPool(2);

    OutboxRelay(MongoDatabase database, KafkaTemplate<String, String> kafka, PledgeServiceProperties properties) {
        this.database = database;
        this.kafka = kafka;
        this.settings = properties.outbox();
    }

    /**
     * Sends the events just written with the document {@code id}, and removes them from it once the
     * broker has them. Returns at once; the future completes after the removal (or fails, leaving the
     * events to the sweep).
     */
    public CompletableFuture<Void> publish(String collection, Object id, List<PendingEvent> events) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<String> eventIds = new ArrayList<>();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        // Sent in order from one thread with the same key: the idempotent producer keeps that order.
        for (PendingEvent event : events) {
            eventIds.add(event.eventId().toString());
            try {
                sends.add(kafka.send(toRecord(event)));
            }
            catch (RuntimeException e) {
                sends.add(CompletableFuture.failedFuture(e));
            }
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .thenRunAsync(() -> database.getCollection(collection).updateOne(eq("_id", id),
                        pull(PendingEvent.FIELD, new Document("eventId", new Document("$in", eventIds)))), cleanup)
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        log.warn("Events of {} {} not published yet, the sweep will retry: {}", collection, id,
                                failure.getMessage());
                    }
                });
    }

    @Scheduled(fixedDelayString = "${pledgeworks.outbox.sweep-interval}")
    void sweep() {
        Instant cutoff = Instant.now().minus(settings.sweepAfter());
        for (String collection : COLLECTIONS) {
            MongoCollection<Document> documents = database.getCollection(collection);
            List<CompletableFuture<Void>> publishes = new ArrayList<>();
            documents.find(elemMatch(PendingEvent.FIELD, lte("createdAt", Date.from(cutoff))))
                    .projection(include(PendingEvent.FIELD))
                    .batchSize(100)
                    .limit(1000)
                    .forEach(document -> publishes.add(publish(collection, document.get("_id"),
                            document.getList(PendingEvent.FIELD, Document.class, List.of()).stream()
                                    .map(PendingEvent::fromDocument).toList())));
            try {
                CompletableFuture.allOf(publishes.toArray(CompletableFuture[]::new)).join();
            }
            catch (RuntimeException e) {
                // already logged per document; the next sweep tries again
            }
        }
    }

    @Override
    public void destroy() {
        cleanup.shutdown();
    }

    private static ProducerRecord<String, String> toRecord(PendingEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
        record.headers()
                .add("ce_id", bytes(event.eventId().toString()))
                .add("ce_type", bytes(event.type()))
                .add("ce_source", bytes("pledge-service"))
                .add("ce_specversion", bytes("1.0"))
                .add("ce_time", bytes(event.createdAt().toString()))
                .add("content-type", bytes("application/json"));
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
