package org.pledgeworks.notification.rsvp;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;
import org.pledgeworks.notification.mail.Links;

/** {@code event-rsvp-reminder-due.v1}: only what the reminder mail needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
record EventRsvpReminderDue(UUID eventId, Instant occurredAt, String rsvpId, String name, String email,
        String locale, RsvpEvent calendarEvent, String cancelUrl) implements IncomingEvent {

    static final String TYPE = "event-rsvp-reminder-due.v1";

    @Override
    public void validate() {
        Links.requireHttp(TYPE, "cancelUrl", cancelUrl);
        calendarEvent.validate(TYPE);
    }
}
