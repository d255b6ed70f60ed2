package org.pledgeworks.campaign.rsvp;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code event-rsvp-event-changed.v1} on {@code event-rsvps}, keyed by the calendar event: staff revised
 * (times, place) or cancelled an event this person is going to or waiting for. One per such person and
 * change, written by the one conditional write that records the change as told, so a redelivered change
 * tells nobody twice.
 *
 * @param change    {@code revised} or {@code cancelled}
 * @param status    the person's: {@code going} or {@code waiting}
 * @param causeId   the id of the calendar event's own Kafka event (revised or cancelled)
 */
record EventRsvpEventChanged(UUID eventId, Instant occurredAt, String rsvpId, String name, String email,
        String locale, RsvpEvent calendarEvent, String change, String status, UUID causeId, URI cancelUrl) {

    static final String TYPE = "event-rsvp-event-changed.v1";
}
