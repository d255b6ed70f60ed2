package org.pledgeworks.campaign.calendar;

import org.pledgeworks.campaign.system.NotFoundException;

/** No public event has this id: unknown, a draft, or on a campaign that is not public. */
class CalendarEventNotFoundException extends NotFoundException {

    CalendarEventNotFoundException(String eventId) {
        super("Event not found", "event-not-found", "No published event '" + eventId + "'.");
    }
}
