package org.pledgeworks.notification.rsvp;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;
import org.pledgeworks.kit.events.MalformedEventException;
import org.pledgeworks.notification.mail.Links;

/**
 * {@code event-rsvp-confirmed.v1}: only what the going, waiting or promoted mail needs.
 *
 * @param status          {@code going} or {@code waiting}
 * @param waitingPosition on the waiting list; empty when going (every component is required, so not null)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EventRsvpConfirmed(UUID eventId, Instant occurredAt, String rsvpId, String name, String email, String locale,
        RsvpEvent calendarEvent, String status, Optional<Long> waitingPosition, boolean promoted, String cancelUrl)
        implements IncomingEvent {

    static final String TYPE = "event-rsvp-confirmed.v1";

    EventRsvpConfirmed {
        waitingPosition = waitingPosition == null ? Optional.empty() : waitingPosition;
    }

    @Override
    public void validate() {
        Links.requireHttp(TYPE, "cancelUrl", cancelUrl);
        calendarEvent.validate(TYPE);
        if (!going() && !("waiting".equals(status) && waitingPosition.isPresent())) {
            throw new MalformedEventException(TYPE + " neither going nor waiting with a position");
        }
    }

    boolean going() {
        return "going".equals(status);
    }
}
