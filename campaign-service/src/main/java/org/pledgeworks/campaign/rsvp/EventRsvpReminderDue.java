package org.pledgeworks.campaign.rsvp;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code event-rsvp-reminder-due.v1} on {@code event-rsvps}, keyed by the calendar event: the event starts
 * within a day and this person is going. One per attendee, all written by the one conditional write that
 * claims the event's reminder, so however many instances run the job, each attendee gets one.
 */
record EventRsvpReminderDue(UUID eventId, Instant occurredAt, String rsvpId, String name, String email,
        String locale, RsvpEvent calendarEvent, URI cancelUrl) {

    static final String TYPE = "event-rsvp-reminder-due.v1";
}
