package org.pledgeworks.campaign.calendar;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code calendar-event-cancelled.v1}: a published event was called off. It carries the event as it stands
 * ({@code status} cancelled), so that a consumer can tell the people who planned to come where and when
 * it will not happen.
 */
record CalendarEventCancelled(UUID eventId, Instant occurredAt, String campaignId, String campaignSlug,
        String campaignTitle, CalendarEventView calendarEvent) implements CalendarEventMessage {

    static final String TYPE = "calendar-event-cancelled.v1";

    @Override
    public String wireType() {
        return TYPE;
    }
}
