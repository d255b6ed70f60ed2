package org.pledgeworks.campaign.system;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes unconfirmed sign-ups (interest, RSVPs: each {@link UnconfirmedPurge}) once their confirm link has
 * expired (the embedded database has no TTL expiry, and a TTL index could not see a repeat's newer link).
 * Every instance runs it; deleting twice deletes nothing more.
 */
@Component
class PendingPurge {

    private static final Logger log = LoggerFactory.getLogger(PendingPurge.class);

    private final List<UnconfirmedPurge> purges;
    private final Clock clock;

    PendingPurge(List<UnconfirmedPurge> purges, Clock clock) {
        this.purges = purges;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pledgeworks.jobs.interval:15s}", initialDelayString = "${pledgeworks.jobs.interval:15s}")
    void purge() {
        for (UnconfirmedPurge purge : purges) {
            long purged = purge.purgeUnconfirmed(clock.instant());
            if (purged > 0) {
                log.info("Deleted {} unconfirmed {} whose confirm link had expired", purged, purge.what());
            }
        }
    }
}
