package org.pledgeworks.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.pledgeworks.notification.mail.SendOutcome;
import org.pledgeworks.notification.stats.DeliveryStats;
import org.pledgeworks.notification.subscribers.SuppressionList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a delivery after an attempt: marked sent, deferred with back-off, postponed (no attempt
 * counted) or failed for good, counted in the meters and, for bulk mail, in its message's stats. The
 * stats of one batch are written once, by {@link Batch#addStats()}. Log lines name the delivery, never the
 * recipient, under the sender's logger, where operators look for them.
 */
final class DeliveryOutcomes {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

    private final DeliveryRepository repository;
    private final Clock clock;
    private final MeterRegistry meters;
    private final SuppressionList suppressions;
    private final DeliveryStats stats;
    private final RetryBackoff backoff;
    private final int maxAttempts;

    DeliveryOutcomes(DeliveryRepository repository, Clock clock, MeterRegistry meters, SuppressionList suppressions,
            DeliveryStats stats, RetryBackoff backoff, int maxAttempts) {
        this.repository = repository;
        this.clock = clock;
        this.meters = meters;
        this.suppressions = suppressions;
        this.stats = stats;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
    }

    Batch batch() {
        return new Batch();
    }

    /** The outcomes of one sender batch, whose stats are added per message in one write each. */
    final class Batch {

        private final Map<String, Map<String, Integer>> statChanges = new HashMap<>();

        void sent(List<Delivery> sent) {
            if (sent.isEmpty()) {
                return;
            }
            Instant sentAt = clock.instant();
            int marked = sent.size() == 1 ? (repository.markSent(sent.get(0), sentAt) ? 1 : 0)
                    : repository.markAllSent(sent, sentAt);
            if (marked < sent.size()) {
                log.warn("{} of {} deliveries sent, but their claim was lost meanwhile", sent.size() - marked,
                        sent.size());
            }
            for (Delivery claimed : sent) {
                counter("notification.mails.sent", claimed).increment();
                stat(claimed, "sent");
                if (claimed.causedAt() != null) {
                    Timer.builder("notification.mails.handover")
                            .description("From the event that asked for a mail to the provider accepting it")
                            .tag("kind", claimed.kind())
                            .publishPercentileHistogram()
                            .register(meters)
                            .record(Duration.between(claimed.causedAt(), sentAt));
                }
                log.debug("Delivery {} sent (attempt {})", claimed.id(), claimed.attempts() + 1);
            }
            log.debug("{} deliveries sent", sent.size());
        }

        void deferred(Delivery claimed, String reason) {
            int attempts = claimed.attempts() + 1;
            if (attempts >= maxAttempts) {
                failed(claimed, clock.instant(), "gave up after " + attempts + " attempts, last: " + reason, true);
                return;
            }
            Instant next = clock.instant().plus(backoff.delayAfter(attempts));
            repository.markDeferred(claimed, next, reason);
            counter("notification.mails.deferred", claimed).increment();
            stat(claimed, "deferred");
            log.info("Delivery {} deferred after attempt {} until {}: {}", claimed.id(), attempts, next, reason);
        }

        void postponed(Delivery claimed, SendOutcome outcome) {
            repository.markPostponed(claimed, outcome.retryAt(), outcome.reason());
            counter("notification.mails.postponed", claimed).increment();
            stat(claimed, "deferred");
        }

        /** Refused for good; a refusal for the address itself suppresses it everywhere. */
        void rejected(Delivery claimed, SendOutcome outcome) {
            failed(claimed, clock.instant(), outcome.reason(), true);
            if (outcome.suppress()) {
                suppressions.suppressEverything(claimed.mail().to(), SuppressionList.Reason.REJECTED);
            }
        }

        void failed(Delivery claimed, Instant now, String reason, boolean attempted) {
            repository.markFailed(claimed, now, reason, attempted);
            counter("notification.mails.failed", claimed).increment();
            stat(claimed, "failed");
            log.warn("Delivery {} failed for good: {}", claimed.id(), reason);
        }

        /** Not when the batch broke off: as before, a batch the database failed adds no stats. */
        void addStats() {
            statChanges.forEach(stats::add);
        }

        private void stat(Delivery delivery, String what) {
            if (delivery.messageRef() != null) {
                statChanges.computeIfAbsent(delivery.messageRef(), k -> new HashMap<>()).merge(what, 1, Integer::sum);
            }
        }
    }

    private Counter counter(String name, Delivery delivery) {
        return Counter.builder(name).tag("kind", delivery.kind()).register(meters);
    }
}
