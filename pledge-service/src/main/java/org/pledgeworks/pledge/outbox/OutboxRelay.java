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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.pledgeworks.pledge.system.IdSlices;
import org.pledgeworks.pledge.system.PledgeServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the events that writes leave in their documents' {@code pendingEvents}, then removes
 * them. Every write hands its events to {@link #publish} right away. What that does not finish is
 * caught by two sweeps:
 * <ul>
 * <li>the <b>retry sweep</b> (every {@code outbox.sweep-interval}) re-reads, by {@code _id}, only the
 * documents whose publish this instance saw fail or not finish in time ({@code outstanding}) — a
 * broker outage, a timeout;</li>
 * <li>the <b>full sweep</b> (at start and every {@code outbox.full-sweep-interval}) searches whole
 * collections for pending events, for what no instance remembers: a crash between write and publish,
 * a write whose reply was lost, another instance that died.</li>
 * </ul>
 * The full sweep used to run every 2 s; no index serves it, so it now runs rarely, slice by slice,
 * and the frequent sweep costs one lookup per failed document.
 * Nothing is given up: every pending event stays in its document until the broker has it, and some
 * sweep reaches every document. A crash between send and removal sends an event twice, which
 * consumers absorb because they are idempotent on {@code ce_id}.
 */
@Component
public class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final int FULL_SWEEP_BATCH = 1000;

    /** The collections whose documents carry pending events. */
    static final List<String> COLLECTIONS = List.of("signatures", "dataRequests");

    private final MongoDatabase database;
    private final KafkaTemplate<String, String> kafka;
    private final PledgeServiceProperties.Outbox settings;
    // Removing published events is a database round trip: never do it on the producer's I/O thread.
    private final ExecutorService cleanup = Executors.newFixedThreadPool(2);
    /** Events whose publish has started and not finished, by event id: what the retry sweep looks at. */
    private final Map<String, Outstanding> outstanding = new ConcurrentHashMap<>();

    private record Outstanding(String collection, Object documentId, Instant since) {
    }

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
        Instant now = Instant.now();
        // Sent in order from one thread with the same key: the idempotent producer keeps that order.
        for (PendingEvent event : events) {
            eventIds.add(event.eventId().toString());
            outstanding.putIfAbsent(event.eventId().toString(), new Outstanding(collection, id, now));
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
                    if (failure == null) {
                        eventIds.forEach(outstanding::remove);
                    }
                    else {
                        log.warn("Events of {} {} not published yet, the sweep will retry: {}", collection, id,
                                failure.getMessage());
                    }
                });
    }

    /** Retries, by {@code _id}, the documents whose publish this instance saw fail or linger. */
    @Scheduled(fixedDelayString = "${pledgeworks.outbox.sweep-interval}")
    void sweep() {
        Instant cutoff = Instant.now().minus(settings.sweepAfter());
        Map<String, Set<Object>> due = new HashMap<>();
        outstanding.values().stream().filter(o -> !o.since().isAfter(cutoff))
                .forEach(o -> due.computeIfAbsent(o.collection(), c -> new HashSet<>()).add(o.documentId()));
        List<CompletableFuture<Void>> publishes = new ArrayList<>();
        due.forEach((collection, ids) -> {
            for (Object id : ids) {
                Document document = database.getCollection(collection).find(eq("_id", id))
                        .projection(include(PendingEvent.FIELD)).first();
                List<PendingEvent> pending = document == null ? List.of()
                        : document.getList(PendingEvent.FIELD, Document.class, List.of()).stream()
                                .map(PendingEvent::fromDocument).toList();
                // what the document no longer holds was published (by us or another instance), or the
                // document is gone: nothing left to retry for it
                Set<String> stillPending = new HashSet<>();
                pending.forEach(e -> stillPending.add(e.eventId().toString()));
                outstanding.entrySet().removeIf(entry -> entry.getValue().collection().equals(collection)
                        && entry.getValue().documentId().equals(id) && !stillPending.contains(entry.getKey()));
                if (!pending.isEmpty()) {
                    // a fresh start time, so a document that keeps failing is retried once per sweep-after
                    pending.forEach(e -> outstanding.put(e.eventId().toString(), new Outstanding(collection, id,
                            Instant.now())));
                    publishes.add(publish(collection, id, pending));
                }
            }
        });
        await(publishes);
    }

    /**
     * Searches whole collections for events left behind where no instance remembers them (a crash
     * between write and publish). Runs at start and then rarely, one {@link IdSlices slice} at a time: no
     * index serves the query, and on the embedded database a search of all signatures at once held every
     * signing until it was done. At most {@value #FULL_SWEEP_BATCH} documents per collection a round.
     */
    @Scheduled(initialDelayString = "${pledgeworks.outbox.sweep-after}",
            fixedDelayString = "${pledgeworks.outbox.full-sweep-interval}")
    void fullSweep() {
        Instant cutoff = Instant.now().minus(settings.sweepAfter());
        for (String collection : COLLECTIONS) {
            MongoCollection<Document> documents = database.getCollection(collection);
            List<CompletableFuture<Void>> publishes = new ArrayList<>();
            IdSlices.find(documents, elemMatch(PendingEvent.FIELD, lte("createdAt", Date.from(cutoff))),
                    include(PendingEvent.FIELD), FULL_SWEEP_BATCH,
                    document -> publishes.add(publish(collection, document.get("_id"),
                            document.getList(PendingEvent.FIELD, Document.class, List.of()).stream()
                                    .map(PendingEvent::fromDocument).toList())));
            await(publishes);
        }
    }

    /** How many events this instance is still waiting to see published (for tests and metrics). */
    int outstanding() {
        return outstanding.size();
    }

    private static void await(List<CompletableFuture<Void>> publishes) {
        try {
            CompletableFuture.allOf(publishes.toArray(CompletableFuture[]::new)).join();
        }
        catch (RuntimeException e) {
            // already logged per document; the next sweep tries again
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
