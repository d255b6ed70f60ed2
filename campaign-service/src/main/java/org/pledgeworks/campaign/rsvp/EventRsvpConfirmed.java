package org.pledgeworks.campaign.rsvp;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code event-rsvp-confirmed.v1} on {@code event-rsvps}, keyed by the calendar event: an RSVP is confirmed
 * and the person is going, or on the waiting list, or was promoted from it to going because a seat came
 * free. notification-service mails them which, with the event's details, its iCalendar link and the
 * cancel link.
 *
 * @param status          {@code going} or {@code waiting}
 * @param waitingPosition their place on the waiting list when it was written (1 is next); null when going
 * @param promoted        going because a seat came free while they waited
 */
record EventRsvpConfirmed(UUID eventId, Instant occurredAt, String rsvpId, String name, String email, String locale,
        RsvpEvent calendarEvent, String status, Long waitingPosition, boolean promoted, URI cancelUrl) {

    static final String TYPE = "event-rsvp-confirmed.v1";
}
