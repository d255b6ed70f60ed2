package org.pledgeworks.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import io.micrometer.core.instrument.MeterRegistry;
import org.pledgeworks.notification.mail.MailTransport;
import org.pledgeworks.notification.mail.OutgoingMail;
import org.pledgeworks.notification.mail.SealedLinks;
import org.pledgeworks.notification.mail.SendOutcome;
import org.pledgeworks.notification.stats.DeliveryStats;
import org.pledgeworks.notification.subscribers.SuppressionList;
import org.pledgeworks.notification.system.NotificationServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends claimed deliveries on threads of its own, so that a slow or unreachable provider never holds
 * up a Kafka listener, and records each outcome: sent, deferred with back-off, postponed (the provider
 * asked us to wait: no attempt counted), or failed for good. Two lanes: transactional mail and bulk
 * mail, each with its transport ({@code pledgeworks.mail.transport} / {@code bulk-transport}), its
 * queue and its threads; a thread takes as many queued deliveries as its transport sends in one call
 * (500 for the HTTP provider, 20 over one SMTP connection). What an outcome changes is
 * {@link DeliveryOutcomes}'. Log lines name the delivery, never the recipient.
 */
@Component
class DeliverySender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

    private final DeliveryRepository repository;
    private final Clock clock;
    private final Optional<ContentRenderer> renderer;
    private final SealedLinks sealedLinks;
    private final DeliveryOutcomes outcomes;
    private final Lane transactional;
    private final Lane bulk;
    private volatile boolean running = true;

    DeliverySender(DeliveryRepository repository, List<MailTransport> transports, Clock clock, MeterRegistry meters,
            SuppressionList suppressions, DeliveryStats stats, Optional<ContentRenderer> renderer,
            SealedLinks sealedLinks, NotificationServiceProperties properties) {
        this.repository = repository;
        this.clock = clock;
        this.renderer = renderer;
        this.sealedLinks = sealedLinks;
        NotificationServiceProperties.Delivery settings = properties.delivery();
        this.outcomes = new DeliveryOutcomes(repository, clock, meters, suppressions, stats,
                new RetryBackoff(settings.initialBackoff(), settings.maxBackoff(), RandomGenerator.getDefault()),
                settings.maxAttempts());
        Map<String, MailTransport> byName = new HashMap<>();
        transports.forEach(t -> byName.put(t.name(), t));
        String transactionalName = properties.mail().transport();
        String bulkName = properties.mail().bulkTransport() == null || properties.mail().bulkTransport().isBlank()
                ? transactionalName : properties.mail().bulkTransport();
        this.transactional = new Lane("mail-sender-", transport(byName, transactionalName), settings.senderThreads(),
                settings.queueCapacity());
        this.bulk = new Lane("bulk-sender-", transport(byName, bulkName), settings.bulkSenderThreads(),
                settings.bulkQueueCapacity());
        log.info("Transactional mail via {}, bulk mail via {} ({} a call)", transactionalName, bulkName,
                bulk.transport.maxBatch());
    }

    private static MailTransport transport(Map<String, MailTransport> byName, String name) {
        MailTransport transport = byName.get(name);
        if (transport == null) {
            throw new IllegalStateException("no mail transport '" + name + "' configured; have " + byName.keySet());
        }
        return transport;
    }

    /** Whether {@link #submit} would take another delivery of each kind now. */
    boolean hasCapacity() {
        return transactional.queue.remainingCapacity() > 0 && bulk.queue.remainingCapacity() > 0;
    }

    /**
     * Sends a delivery this instance has claimed, soon. When its lane is full it goes back to the
     * queue in MongoDB, where the retrier finds it.
     */
    void submit(Delivery claimed) {
        if (!lane(claimed).queue.offer(claimed)) {
            repository.release(claimed, clock.instant());
            log.debug("Delivery {} left to the retrier: all senders busy", claimed.id());
        }
    }

    /**
     * For a batch from a listener: waits up to {@code patience} for room (back-pressure, so a fan-out
     * goes no faster than the provider takes it and memory stays flat); what finds no room is left to
     * the retrier.
     */
    void submitAll(List<Delivery> claimed, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        for (Delivery delivery : claimed) {
            boolean queued;
            try {
                long wait = Math.max(0, deadline - System.nanoTime());
                queued = lane(delivery).queue.offer(delivery, wait, TimeUnit.NANOSECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                queued = false;
            }
            if (!queued) {
                repository.release(delivery, clock.instant());
            }
        }
    }

    private Lane lane(Delivery delivery) {
        return delivery.bulk() ? bulk : transactional;
    }

    /** Sends one batch; public to the package so tests can drive it. */
    void attempt(List<Delivery> batch, MailTransport transport) {
        try {
            send(batch, transport);
        }
        catch (RuntimeException e) {
            // The database failed us: the claims stay and are released after the sending timeout.
            log.error("{} deliveries left claimed, to be released after the sending timeout: {}", batch.size(),
                    e.getClass().getSimpleName());
        }
    }

    private void send(List<Delivery> batch, MailTransport transport) {
        Instant now = clock.instant();
        List<Delivery> held = repository.renewClaims(batch, now);
        if (held.size() < batch.size()) {
            log.info("{} of {} deliveries were released while they waited to be sent; their new owner sends them",
                    batch.size() - held.size(), batch.size());
        }
        DeliveryOutcomes.Batch recorded = outcomes.batch();
        List<Delivery> sendable = new ArrayList<>(held.size());
        List<OutgoingMail> outgoing = new ArrayList<>(held.size());
        for (Delivery claimed : held) {
            if (claimed.expiresAt() != null && !now.isBefore(claimed.expiresAt())) {
                recorded.failed(claimed, now, "expired before it could be sent", false);
            }
            else {
                Delivery ready = claimed.mail() != null ? claimed : renderedAgain(claimed);
                if (ready == null) {
                    recorded.failed(claimed, now, "no content", false);
                    continue;
                }
                ready = opened(ready);
                if (ready == null) {
                    // opened when its event was read, so the secret changed since: no later attempt would open it
                    recorded.failed(claimed, now, "its sealed link no longer opens", false);
                }
                else {
                    sendable.add(ready);
                    outgoing.add(new OutgoingMail(ready.id(), ready.messageId(), ready.mail()));
                }
            }
        }
        if (!sendable.isEmpty()) {
            List<SendOutcome> results = transport.send(outgoing);
            List<Delivery> sent = new ArrayList<>(sendable.size());
            for (int i = 0; i < sendable.size(); i++) {
                Delivery claimed = sendable.get(i);
                SendOutcome outcome = results.get(i);
                switch (outcome.result()) {
                    case SENT -> sent.add(claimed);
                    case FAILED_TRANSIENTLY -> recorded.deferred(claimed, outcome.reason());
                    case POSTPONED -> recorded.postponed(claimed, outcome);
                    case REJECTED -> recorded.rejected(claimed, outcome);
                }
            }
            recorded.sent(sent);
        }
        recorded.addStats();
    }

    /** The delivery with its sealed links opened, in memory only; null when one does not open. */
    private Delivery opened(Delivery delivery) {
        if (delivery.sealedLinks().isEmpty()) {
            return delivery;
        }
        return sealedLinks.openIn(delivery.mail(), delivery.sealedLinks()).map(delivery::withMail).orElse(null);
    }

    /** A bulk delivery read back from the queue, stored without its content; null when it cannot be rendered. */
    private Delivery renderedAgain(Delivery stored) {
        if (stored.addressee() == null || stored.messageRef() == null || renderer.isEmpty()) {
            return null;
        }
        return renderer.get().render(stored.messageRef(), stored.recipientId(), stored.addressee())
                .map(stored::withMail).orElse(null);
    }

    /**
     * Lets the sends in hand finish; what is still queued goes back to MongoDB at once, so another
     * instance (or this one, restarted) sends it without waiting for the sending timeout.
     */
    @Override
    public void destroy() throws InterruptedException {
        running = false;
        transactional.stop();
        bulk.stop();
    }

    /** One transport, its queue and the threads that drain it in batches. */
    private final class Lane {

        private final MailTransport transport;
        private final BlockingQueue<Delivery> queue;
        private final List<Thread> threads = new ArrayList<>();

        Lane(String prefix, MailTransport transport, int threadCount, int capacity) {
            this.transport = transport;
            this.queue = new ArrayBlockingQueue<>(capacity);
            for (int i = 1; i <= threadCount; i++) {
                Thread thread = new Thread(this::work, prefix + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }

        private void work() {
            int max = transport.maxBatch();
            long window = transport.batchWindow().toMillis();
            while (running) {
                try {
                    Delivery first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    List<Delivery> batch = new ArrayList<>(Math.min(max, 512));
                    batch.add(first);
                    queue.drainTo(batch, max - 1);
                    if (window > 0 && batch.size() < max) {
                        Thread.sleep(window);
                        queue.drainTo(batch, max - batch.size());
                    }
                    attempt(batch, transport);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            for (Thread thread : threads) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            List<Delivery> left = new ArrayList<>();
            queue.drainTo(left);
            if (left.isEmpty()) {
                return;
            }
            try {
                repository.releaseAll(left, clock.instant());
            }
            catch (RuntimeException e) {
                // the database is gone too: the claims are released after the sending timeout
                log.warn("{} queued deliveries left claimed at shutdown: {}", left.size(), e.getClass().getSimpleName());
            }
        }
    }
}
