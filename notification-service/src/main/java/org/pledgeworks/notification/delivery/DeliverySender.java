package org.pledgeworks.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.pledgeworks.notification.mail.MailFailure;
import org.pledgeworks.notification.mail.SmtpMailer;
import org.pledgeworks.notification.system.NotificationServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends claimed deliveries on a small pool of its own, so that a slow or unreachable mail server
 * never holds up the Kafka listener, and records the outcome: sent, deferred with back-off, or failed
 * for good. Log lines name the delivery, never the recipient.
 */
@Component
class DeliverySender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

    private final DeliveryRepository repository;
    private final SmtpMailer mailer;
    private final Clock clock;
    private final MeterRegistry meters;
    private final RetryBackoff backoff;
    private final int maxAttempts;
    private final ThreadPoolExecutor pool;

    DeliverySender(DeliveryRepository repository, SmtpMailer mailer, Clock clock, MeterRegistry meters,
            NotificationServiceProperties properties) {
        this.repository = repository;
        this.mailer = mailer;
        this.clock = clock;
        this.meters = meters;
        NotificationServiceProperties.Delivery settings = properties.delivery();
        this.backoff = new RetryBackoff(settings.initialBackoff(), settings.maxBackoff(), RandomGenerator.getDefault());
        this.maxAttempts = settings.maxAttempts();
        this.pool = new ThreadPoolExecutor(settings.senderThreads(), settings.senderThreads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), threads("mail-sender-"));
    }

    /** Whether {@link #submit} would take another delivery now. */
    boolean hasCapacity() {
        return pool.getQueue().remainingCapacity() > 0;
    }

    /**
     * Sends a delivery this instance has claimed, soon. When no sender is free it goes back to the
     * queue, where the retrier finds it.
     */
    void submit(Delivery claimed) {
        try {
            pool.execute(() -> attempt(claimed));
        }
        catch (RejectedExecutionException e) {
            repository.release(claimed, clock.instant());
            log.debug("Delivery {} left to the retrier: all senders busy", claimed.id());
        }
    }

    void attempt(Delivery claimed) {
        try {
            send(claimed);
        }
        catch (RuntimeException e) {
            // The database failed us: the claim stays and is released after the sending timeout.
            log.error("Delivery {} left claimed, to be released after the sending timeout: {}", claimed.id(),
                    e.getClass().getSimpleName());
        }
    }

    private void send(Delivery claimed) {
        Instant now = clock.instant();
        if (claimed.expiresAt() != null && !now.isBefore(claimed.expiresAt())) {
            fail(claimed, now, "expired before it could be sent", false);
            return;
        }
        if (claimed.mail() == null) {
            fail(claimed, now, "no content", false);
            return;
        }
        try {
            mailer.send(claimed.mail(), claimed.messageId());
        }
        catch (MailFailure failure) {
            if (failure.permanent()) {
                fail(claimed, clock.instant(), failure.reason(), true);
            }
            else {
                defer(claimed, failure.reason());
            }
            return;
        }
        Instant sentAt = clock.instant();
        if (!repository.markSent(claimed, sentAt)) {
            log.warn("Delivery {} sent, but its claim was lost meanwhile", claimed.id());
        }
        counter("notification.mails.sent", claimed).increment();
        if (claimed.causedAt() != null) {
            Timer.builder("notification.mails.handover")
                    .description("From the event that asked for a mail to the mail server accepting it")
                    .tag("kind", claimed.kind())
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(Duration.between(claimed.causedAt(), sentAt));
        }
        log.info("Delivery {} sent (attempt {})", claimed.id(), claimed.attempts() + 1);
    }

    private void defer(Delivery claimed, String reason) {
        int attempts = claimed.attempts() + 1;
        if (attempts >= maxAttempts) {
            fail(claimed, clock.instant(), "gave up after " + attempts + " attempts, last: " + reason, true);
            return;
        }
        Instant next = clock.instant().plus(backoff.delayAfter(attempts));
        repository.markDeferred(claimed, next, reason);
        counter("notification.mails.deferred", claimed).increment();
        log.info("Delivery {} deferred after attempt {} until {}: {}", claimed.id(), attempts, next, reason);
    }

    private void fail(Delivery claimed, Instant now, String reason, boolean attempted) {
        repository.markFailed(claimed, now, reason, attempted);
        counter("notification.mails.failed", claimed).increment();
        log.warn("Delivery {} failed for good: {}", claimed.id(), reason);
    }

    private Counter counter(String name, Delivery delivery) {
        return Counter.builder(name).tag("kind", delivery.kind()).register(meters);
    }

    /** Lets the sends in hand finish; what is left stays claimed and is released after the sending timeout. */
    @Override
    public void destroy() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
