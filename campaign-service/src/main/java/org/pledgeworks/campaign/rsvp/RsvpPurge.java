package org.pledgeworks.campaign.rsvp;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes unconfirmed RSVPs once their confirm link has expired, as interest's {@code PendingPurge} does
 * (and for its reasons). Every instance runs it; deleting twice deletes nothing more.
 */
@Component
class RsvpPurge {

    private static final Logger log = LoggerFactory.getLogger(RsvpPurge.class);

    private final Rsvps rsvps;
    private final Clock clock;

    RsvpPurge(Rsvps rsvps, Clock clock) {
        this.rsvps = rsvps;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pledgeworks.jobs.interval:15s}", initialDelayString = "${pledgeworks.jobs.interval:15s}")
    void purge() {
        long purged = rsvps.purgeUnconfirmed(clock.instant());
        if (purged > 0) {
            log.info("Deleted {} unconfirmed RSVP(s) whose confirm link had expired", purged);
        }
    }
}
