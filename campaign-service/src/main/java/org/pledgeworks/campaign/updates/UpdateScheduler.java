package org.pledgeworks.campaign.updates;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled updates when they fall due. Nothing is held in memory: the schedule is the
 * documents' {@code publishAt}, so a restart between scheduling and the due time loses nothing, and
 * the claim is a conditional write, so several instances publish each update once.
 */
@Component
class UpdateScheduler {

    private final Updates updates;

    UpdateScheduler(Updates updates) {
        this.updates = updates;
    }

    @Scheduled(fixedDelayString = "${pledgeworks.jobs.interval:15s}", initialDelayString = "${pledgeworks.jobs.interval:15s}")
    int publishDue() {
        return updates.publishDue();
    }
}
