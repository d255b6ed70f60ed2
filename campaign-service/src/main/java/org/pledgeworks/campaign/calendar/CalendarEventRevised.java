package org.pledgeworks.campaign.calendar;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code calendar-event-revised.v1}: a published event was changed; it carries the whole new version, its
 * {@code sequence} one up.
 */
record CalendarEventRevised(UUID eventId, Instant occurredAt, String campaignId, String campaignSlug,
        String campaignTitle, CalendarEventView calendarEvent) implements CalendarEventMessage {

    static final String TYPE = "calendar-event-revised.v1";

    @Override
    public String wireType() {
        return TYPE;
    }
}
