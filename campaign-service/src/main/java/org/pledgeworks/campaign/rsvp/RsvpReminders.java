package org.pledgeworks.campaign.rsvp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.pledgeworks.campaign.calendar.EventDirectory;
import org.pledgeworks.campaign.calendar.EventDirectory.Listing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The reminder the day before: every instance looks for published events that start within a day and
 * claims each by a conditional write on its seat document ({@link Rsvps#remind}), which carries the
 * attendees' reminder events; the one write that matches sends them, so two instances send once.
 */
@Component
class RsvpReminders {

    static final Duration LEAD = Duration.ofDays(1);
    private static final int MOST_EVENTS = 200;
    private static final Logger log = LoggerFactory.getLogger(RsvpReminders.class);

    private final EventDirectory directory;
    private final Rsvps rsvps;
    private final Clock clock;

    RsvpReminders(EventDirectory directory, Rsvps rsvps, Clock clock) {
        this.directory = directory;
        this.rsvps = rsvps;
        this.clock = clock;
    }

    /** @return the events whose reminders this call claimed */
    @Scheduled(fixedDelayString = "${pledgeworks.jobs.interval:15s}", initialDelayString = "${pledgeworks.jobs.interval:15s}")
    int remind() {
        Instant now = clock.instant();
        int claimed = 0;
        for (Listing event : directory.startingBetween(now, now.plus(LEAD), MOST_EVENTS)) {
            if (rsvps.remind(event, now)) {
                claimed++;
                log.info("Reminders for event {} claimed", event.calendarEventId());
            }
        }
        return claimed;
    }
}
