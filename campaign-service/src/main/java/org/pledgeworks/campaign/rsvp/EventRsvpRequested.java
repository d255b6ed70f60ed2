package org.pledgeworks.campaign.rsvp;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code event-rsvp-requested.v1} on {@code event-rsvps}, keyed by the calendar event: a person said they
 * will come (or said it again, past the resend delay, while pending or after cancelling) and must confirm
 * it. Carries what the confirmation mail needs, links included; notification-service sends it.
 */
record EventRsvpRequested(UUID eventId, Instant occurredAt, String rsvpId, String name, String email, String locale,
        RsvpEvent calendarEvent, URI confirmUrl, Instant confirmExpiresAt, URI cancelUrl) {

    static final String TYPE = "event-rsvp-requested.v1";
}
