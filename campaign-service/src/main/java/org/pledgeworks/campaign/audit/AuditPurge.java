package org.pledgeworks.campaign.audit;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes entries older than {@link #KEPT}: a year is promised, and a little more lets a yearly review
 * cover its whole year. By the service's clock rather than a TTL index, which the embedded database does not
 * honour (embedded-mongo/README.md); every instance runs it, and deleting twice deletes nothing more.
 */
@Component
class AuditPurge {

    static final Duration KEPT = Duration.ofDays(400);

    private static final Logger log = LoggerFactory.getLogger(AuditPurge.class);

    private final AuditRepository repository;
    private final Clock clock;

    AuditPurge(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pledgeworks.jobs.interval:15s}", initialDelayString = "${pledgeworks.jobs.interval:15s}")
    long purge() {
        long deleted = repository.deleteOlderThan(clock.instant().minus(KEPT));
        if (deleted > 0) {
            log.info("Deleted {} audit entries older than {} days", deleted, KEPT.toDays());
        }
        return deleted;
    }
}
