package org.pledgeworks.notification.bulk;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.pledgeworks.notification.subscribers.Subscriptions;
import org.pledgeworks.notification.system.KafkaConfiguration;
import org.pledgeworks.notification.system.NotificationServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs fan-outs: claims a bulk message (a lease, so one instance runs each), streams the campaign's
 * active subscriptions from a cursor {@code batch-size} at a time after the message's checkpoint,
 * publishes one record per recipient, waits until the broker has them all (acks=all), then moves the
 * checkpoint and renews the lease, in one write. A process that dies mid-batch leaves the checkpoint
 * before that batch: whoever resumes publishes the batch again, and the duplicates die on the
 * deliveries' unique ids. Memory holds one batch, whatever the list's size.
 */
@Component
public class FanOut implements DisposableBean {

    public static final String TYPE = "notification-requested.v1";

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    private final BulkMessages messages;
    private final Subscriptions subscriptions;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;
    private final Counter published;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fan-out");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile String owner = newOwner();
    /** Tests only: crash after this many more batches, between publishing a batch and its checkpoint. */
    private volatile int crashAfterBatches = -1;

    FanOut(BulkMessages messages, Subscriptions subscriptions, KafkaTemplate<String, String> kafka, JsonMapper json,
            Clock clock, NotificationServiceProperties properties, MeterRegistry meters) {
        this.messages = messages;
        this.subscriptions = subscriptions;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
        this.batchSize = properties.fanout().batchSize();
        this.lease = properties.fanout().lease();
        this.published = Counter.builder("notification.fanout.published")
                .description("Per-recipient records published to notifications by fan-outs").register(meters);
    }

    /** Looks for fan-outs to start or resume (another instance's lease ran out). */
    @Scheduled(fixedDelayString = "${pledgeworks.fanout.poll-interval:1s}")
    void poll() {
        wake();
    }

    /** Starts the runner unless it runs already; returns at once. */
    void wake() {
        if (!stopped && running.compareAndSet(false, true)) {
            runner.execute(() -> {
                try {
                    runAllDue();
                }
                finally {
                    running.set(false);
                }
            });
        }
    }

    private void runAllDue() {
        try {
            Optional<Document> due;
            while (!stopped && (due = messages.claimDue(owner, clock.instant(), clock.instant().plus(lease))).isPresent()) {
                run(due.get());
            }
        }
        catch (RuntimeException e) {
            log.warn("Fan-out round failed, the next one resumes from the checkpoint: {}", e.getClass().getSimpleName());
        }
    }

    private void run(Document message) {
        String id = message.getString("_id");
        String campaignId = message.getString("campaignId");
        String kind = message.getString("kind");
        String me = owner;
        AtomicInteger count = new AtomicInteger(message.getInteger("published", 0));
        log.info("Fan-out {} {} from checkpoint {}", id, count.get() == 0 ? "starts" : "resumes", count.get());
        try {
            subscriptions.streamActive(campaignId, message.getString("checkpoint"), batchSize, batch -> {
                if (stopped || !me.equals(owner)) {
                    throw new Stopped();
                }
                publish(id, kind, batch);
                if (crashAfterBatches >= 0 && crashAfterBatches-- == 0) {
                    crashAfterBatches = -1;
                    throw new Stopped(); // the worst moment: records out, checkpoint not moved, lease kept
                }
                String last = batch.get(batch.size() - 1).id();
                if (!messages.checkpoint(id, me, last, batch.size(), clock.instant().plus(lease))) {
                    throw new Stopped(); // lease lost: another instance has it now
                }
                count.addAndGet(batch.size());
            });
        }
        catch (Stopped e) {
            log.info("Fan-out {} stopped at {}; it resumes from its checkpoint", id, count.get());
            return;
        }
        messages.finish(id, me, clock.instant());
        log.info("Fan-out {} done: {} recipients", id, count.get());
    }

    private void publish(String messageId, String kind, List<Subscriptions.Subscription> batch) {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(batch.size());
        for (Subscriptions.Subscription s : batch) {
            ObjectNode value = json.createObjectNode()
                    .put("eventId", UUID.nameUUIDFromBytes((messageId + ":" + s.recipientId())
                            .getBytes(StandardCharsets.UTF_8)).toString())
                    .put("occurredAt", clock.instant().toString())
                    .put("messageId", messageId)
                    .put("kind", kind)
                    .put("campaignId", s.campaignId())
                    .put("recipientId", s.recipientId())
                    .put("email", s.email())
                    .put("name", s.name())
                    .put("locale", s.locale());
            ProducerRecord<String, String> record = new ProducerRecord<>(KafkaConfiguration.NOTIFICATIONS,
                    s.recipientId(), json.writeValueAsString(value));
            record.headers().add("ce_type", bytes(TYPE))
                    .add("ce_id", bytes(value.get("eventId").asString()))
                    .add("ce_source", bytes("notification-service"))
                    .add("ce_specversion", bytes("1.0"))
                    .add("content-type", bytes("application/json"));
            sends.add(kafka.send(record));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("fan-out batch not acknowledged by the broker", e);
        }
        published.increment(batch.size());
    }

    /** Stops running fan-outs after the batch in hand (as a crash would, but politely). Tests use it too. */
    public void stop() {
        stopped = true;
    }

    /** Tests only: simulates a crash right after the next {@code batches} + 1 batch is published. */
    void crashAfter(int batches) {
        crashAfterBatches = batches;
    }

    /** Starts again as a new owner, as a restarted process would. */
    public void start() {
        owner = newOwner();
        stopped = false;
        wake();
    }

    @Override
    public void destroy() throws InterruptedException {
        stop();
        runner.shutdown();
        runner.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static String newOwner() {
        return "fan-out-" + UUID.randomUUID();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
