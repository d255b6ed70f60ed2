package org.pledgeworks.notification.rsvp;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;
import org.pledgeworks.notification.mail.Links;

/**
 * {@code event-rsvp-requested.v1}: only what the confirmation mail needs; the contract
 * (contracts/campaigns/event-rsvp-requested.v1.schema.json) has more.
 *
 * @param email as the person typed it: the mail goes there
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EventRsvpRequested(UUID eventId, Instant occurredAt, String rsvpId, String name, String email, String locale,
        RsvpEvent calendarEvent, String confirmUrl, Instant confirmExpiresAt, String cancelUrl)
        implements IncomingEvent {

    static final String TYPE = "event-rsvp-requested.v1";

    /** Every link goes into an {@code href}: only absolute http(s) URLs may. */
    @Override
    public void validate() {
        Links.requireHttp(TYPE, "confirmUrl", confirmUrl);
        Links.requireHttp(TYPE, "cancelUrl", cancelUrl);
        calendarEvent.validate(TYPE);
    }
}
