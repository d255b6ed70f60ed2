package org.pledgeworks.pledge.signing;

import java.time.Clock;
import java.util.Date;

import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.conversions.Bson;
import org.pledgeworks.kit.mongo.IdSlices;
import org.pledgeworks.pledge.signatures.SignatureStatus;
import org.pledgeworks.pledge.signatures.Signatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes signatures that were never verified, once their {@code purgeAt} has passed
 * ({@code pledgeworks.purge.pending-after} after signing). Real MongoDB does the same by the TTL
 * index on {@code purgeAt}; the embedded server has no TTL, so this job is what runs there. A pending
 * signature never counted, so no counter changes.
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
        Bson expired = Filters.and(Filters.eq("status", SignatureStatus.PENDING.name()),
                Filters.lt("purgeAt", Date.from(clock.instant())));
        long deleted = 0;
        // slice by slice: no index serves the filter on the embedded database, where a delete over all
        // signatures held every signing until it was done
        for (Bson slice : IdSlices.each(expired)) {
            deleted += signatures.collection().deleteMany(slice).getDeletedCount();
        }
        if (deleted > 0) {
            meters.counter("pledgeworks.signatures.purged").increment(deleted);
            log.info("Purged {} signatures that were never verified", deleted);
        }
        return deleted;
    }
}
