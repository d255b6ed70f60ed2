package org.pledgeworks.pledge.signing;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.pledgeworks.pledge.signatures.Signatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes signatures that were never verified, once their {@code purgeAt} has passed
 * ({@code pledgeworks.purge.pending-after} after signing). MongoDB does the same by the TTL index on
 * {@code purgeAt}; a database without TTL indexes (the embedded one) has this job. A pending signature
 * never counted, so no counter changes.
 */
@Component
class PendingPurge {

    private static final Logger log = LoggerFactory.getLogger(PendingPurge.class);

    private final Signatures signatures;
    private final Clock clock;
    private final MeterRegistry meters;

    PendingPurge(Signatures signatures, Clock clock, MeterRegistry meters) {
        this.signatures = signatures;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(initialDelayString = "${pledgeworks.purge.interval}", fixedDelayString = "${pledgeworks.purge.interval}")
    long purge() {
        long deleted = signatures.purgePending(clock.instant());
        if (deleted > 0) {
            meters.counter("pledgeworks.signatures.purged").increment(deleted);
            log.info("Purged {} signatures that were never verified", deleted);
        }
        return deleted;
    }
}
