package org.pledgeworks.campaign.interest;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes unconfirmed interests once their confirm link has expired (the embedded database has no TTL
 * expiry, and a TTL index could not see a repeat's newer link). Every instance runs it; deleting twice
 * deletes nothing more.
 */
@Component
class PendingPurge {

    private static final Logger log = LoggerFactory.getLogger(PendingPurge.class);

    private final Interests interests;
    private final Clock clock;

    PendingPurge(Interests interests, Clock clock) {
        this.interests = interests;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pledgeworks.jobs.interval:15s}", initialDelayString = "${pledgeworks.jobs.interval:15s}")
    long purge() {
        long purged = interests.purgeUnconfirmed(clock.instant());
        if (purged > 0) {
            log.info("Deleted {} unconfirmed interest(s) whose confirm link had expired", purged);
        }
        return purged;
    }
}
