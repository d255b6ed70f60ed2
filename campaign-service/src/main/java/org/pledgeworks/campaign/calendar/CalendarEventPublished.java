package org.pledgeworks.campaign.calendar;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code calendar-event-published.v1}: an event is on the campaign's public calendar; it carries what a
 * page, a mail or a calendar app shows.
 */
record CalendarEventPublished(UUID eventId, Instant occurredAt, String campaignId, String campaignSlug,
        String campaignTitle, CalendarEventView calendarEvent) implements CalendarEventMessage {

    static final String TYPE = "calendar-event-published.v1";

    @Override
    public String wireType() {
        return TYPE;
    }
}
