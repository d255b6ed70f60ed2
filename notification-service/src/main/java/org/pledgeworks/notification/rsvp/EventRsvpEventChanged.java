package org.pledgeworks.notification.rsvp;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;
import org.pledgeworks.kit.events.MalformedEventException;
import org.pledgeworks.notification.mail.Links;

/**
 * {@code event-rsvp-event-changed.v1}: only what the change or cancellation mail needs.
 *
 * @param change {@code revised} or {@code cancelled}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EventRsvpEventChanged(UUID eventId, Instant occurredAt, String rsvpId, String name, String email,
        String locale, RsvpEvent calendarEvent, String change, String cancelUrl) implements IncomingEvent {

    static final String TYPE = "event-rsvp-event-changed.v1";

    @Override
    public void validate() {
        Links.requireHttp(TYPE, "cancelUrl", cancelUrl);
        calendarEvent.validate(TYPE);
        if (!cancelled() && !"revised".equals(change)) {
            throw new MalformedEventException(TYPE + " with a change that is neither revised nor cancelled");
        }
    }

    boolean cancelled() {
        return "cancelled".equals(change);
    }
}
