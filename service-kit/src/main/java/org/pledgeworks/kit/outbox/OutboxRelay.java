package org.pledgeworks.kit.outbox;

import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.pull;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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
import io.opentelemetry.context.Scope;
import org.bson.Document;
import org.pledgeworks.kit.kafka.CloudEventHeaders;
import org.pledgeworks.kit.mongo.IdSlices;
import org.pledgeworks.kit.tracing.TraceParent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the events that writes leave in their documents' {@code pendingEvents}, then removes
 * them. Every write hands its events to {@link #publish} right away. What that does not finish is
 * caught by two sweeps:
 * <ul>
 * <li>the <b>retry sweep</b> (every {@code pledgeworks.outbox.sweep-interval}) re-reads, by {@code _id},
 * only the documents whose publish this instance saw fail or not finish in time — a broker outage, a
 * timeout;</li>
 * <li>the <b>full sweep</b> (at start and every {@code pledgeworks.outbox.full-sweep-interval}) searches
 * the collections for pending events no instance remembers: a crash between write and publish, a
 * write whose reply was lost, another instance that died.</li>
 * </ul>
 * No index serves the full sweep, so it runs rarely and {@link IdSlices slice by slice}; the frequent
 * sweep costs one lookup per failed document (docs/benchmarks.md, runs 22 and 23, measured what a
 * search of whole collections every 2 s cost). Nothing is given up: every pending event stays in its
 * document until the broker has it, and some sweep reaches every document. A crash between send and
 * removal sends an event twice, which consumers absorb because they are idempotent on {@code ce_id}.
 *
 * <p>Each event is sent inside the trace of the request that stored it ({@link PendingEvent#traceparent()}),
 * not the trace of whatever thread relays it, so a consumer's span continues the request's trace.
 */
public class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final int FULL_SWEEP_BATCH = 1000;

    private final MongoDatabase database;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxSettings settings;
    private final Clock clock;
    // Removing published events is a database round trip: never do it on the producer's I/O thread.
    private final ExecutorService cleanup = Executors.newFixedThreadPool(2);
    /** Events whose publish has started and not finished, by event id: what the retry sweep looks at. */
    private final Map<String, Outstanding> outstanding = new ConcurrentHashMap<>();

    private record Outstanding(String collection, Object documentId, Instant since) {
    }

    /**
     * @param source      the CloudEvents {@code ce_source} of what this service publishes
     * @param collections the collections whose documents carry pending events
     * @param sweepAfter  how long a publish may take before a sweep sends its events again
     */
    public record OutboxSettings(String source, List<String> collections, Duration sweepAfter) {

        public OutboxSettings {
            collections = List.copyOf(collections);
        }
    }

    public OutboxRelay(MongoDatabase database, KafkaTemplate<String, String> kafka, OutboxSettings settings,
            Clock clock) {
        this.database = database;
        this.kafka = kafka;
        this.settings = settings;
        this.clock = clock;
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
        Instant now = clock.instant();
        // Sent in order from one thread with the same key: the idempotent producer keeps that order.
        for (PendingEvent event : events) {
            eventIds.add(event.eventId().toString());
            outstanding.putIfAbsent(event.eventId().toString(), new Outstanding(collection, id, now));
            // the template's observation starts its producer span under what is current, and writes that
            // span's traceparent over the stored one the record already carries
            try (Scope trace = TraceParent.resume(event.traceparent())) {
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
    @Scheduled(fixedDelayString = "${pledgeworks.outbox.sweep-interval:2s}")
    public void sweep() {
        Instant cutoff = clock.instant().minus(settings.sweepAfter());
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
                    Instant retried = clock.instant();
                    pending.forEach(e -> outstanding.put(e.eventId().toString(), new Outstanding(collection, id,
                            retried)));
                    publishes.add(publish(collection, id, pending));
                }
            }
        });
        await(publishes);
    }

    /**
     * Searches the collections for events left behind where no instance remembers them (a crash
     * between write and publish). Runs at start and then rarely, one slice of {@code _id}s at a time,
     * at most {@value #FULL_SWEEP_BATCH} documents per collection a round.
     */
    @Scheduled(initialDelayString = "${pledgeworks.outbox.sweep-after:5s}",
            fixedDelayString = "${pledgeworks.outbox.full-sweep-interval:5m}")
    public void fullSweep() {
        Instant cutoff = clock.instant().minus(settings.sweepAfter());
        for (String collection : settings.collections()) {
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

    /** How many events this instance is still waiting to see published. */
    public int outstanding() {
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

    private ProducerRecord<String, String> toRecord(PendingEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
        CloudEventHeaders.write(record.headers(), event.eventId().toString(), event.type(), settings.source(),
                event.createdAt());
        if (event.traceparent() != null) {
            // also where the template observes nothing: the consumer still continues the trace
            record.headers().add(TraceParent.HEADER, event.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
