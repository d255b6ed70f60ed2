package org.pledgeworks.campaign.campaigns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes campaigns at their end date. Every instance runs it; the close is a conditional write
 * (only an open campaign is closed), so exactly one instance closes each campaign and publishes
 * {@code campaign-closed} once.
 */
@Component
class ClosingJob {

    private static final Logger log = LoggerFactory.getLogger(ClosingJob.class);

    private final CampaignCatalogue catalogue;

    ClosingJob(CampaignCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Scheduled(fixedDelayString = "${pledgeworks.jobs.interval:15s}", initialDelayString = "${pledgeworks.jobs.interval:15s}")
    int closeDue() {
        int closed = catalogue.closeDue(100);
        if (closed > 0) {
            log.info("Closed {} campaign(s) at their end date", closed);
        }
        return closed;
    }
}
