package org.pledgeworks.notification.rsvp;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.notification.delivery.Deliveries;
import org.pledgeworks.notification.delivery.DeliveryRequest;
import org.pledgeworks.notification.mail.MailTemplates;
import org.pledgeworks.notification.subscribers.RecipientKeys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The handlers of {@code event-rsvps}: one mail per event. The delivery's id is the event's, so a
 * redelivered event sends nothing more; it is keyed to the recipient too, so that {@code signer-erased}
 * strips it like the person's other mail. A confirmation mail is not sent past its link's expiry, a
 * reminder not once the event has started, the others not past its end.
 */
@Configuration(proxyBeanMethods = false)
class RsvpMails {

    static final String CONFIRMATION = "rsvp-confirmation";
    static final String GOING = "rsvp-going";
    static final String PROMOTED = "rsvp-promoted";
    static final String WAITING = "rsvp-waiting";
    static final String REMINDER = "rsvp-reminder";
    static final String REVISED = "rsvp-event-revised";
    static final String CANCELLED = "rsvp-event-cancelled";

    private final MailTemplates templates;
    private final Deliveries deliveries;
    private final RecipientKeys keys;

    RsvpMails(MailTemplates templates, Deliveries deliveries, RecipientKeys keys) {
        this.templates = templates;
        this.deliveries = deliveries;
        this.keys = keys;
    }

    @Bean
    EventHandler<EventRsvpRequested> rsvpRequested() {
        return EventHandler.of(EventRsvpRequested.TYPE, EventRsvpRequested.class, (requested, eventId) -> {
            Map<String, String> variables = variables(requested.name(), requested.calendarEvent(), requested.cancelUrl());
            variables.put("confirmUrl", requested.confirmUrl());
            variables.put("expiresAt", MailTemplates.LINK_EXPIRY.format(requested.confirmExpiresAt()));
            send(eventId, CONFIRMATION, requested.rsvpId(), requested.locale(), requested.email(), variables,
                    requested.confirmExpiresAt(), requested.occurredAt());
        });
    }

    @Bean
    EventHandler<EventRsvpConfirmed> rsvpConfirmed() {
        return EventHandler.of(EventRsvpConfirmed.TYPE, EventRsvpConfirmed.class, (confirmed, eventId) -> {
            Map<String, String> variables = variables(confirmed.name(), confirmed.calendarEvent(), confirmed.cancelUrl());
            String kind = !confirmed.going() ? WAITING : confirmed.promoted() ? PROMOTED : GOING;
            if (!confirmed.going()) {
                variables.put("position", String.valueOf(confirmed.waitingPosition().orElseThrow()));
            }
            send(eventId, kind, confirmed.rsvpId(), confirmed.locale(), confirmed.email(), variables,
                    confirmed.calendarEvent().endsAtInstant(), confirmed.occurredAt());
        });
    }

    /** Not sent once the event has started: a reminder then is noise. */
    @Bean
    EventHandler<EventRsvpReminderDue> rsvpReminderDue() {
        return EventHandler.of(EventRsvpReminderDue.TYPE, EventRsvpReminderDue.class, (due, eventId) ->
                send(eventId, REMINDER, due.rsvpId(), due.locale(), due.email(),
                        variables(due.name(), due.calendarEvent(), due.cancelUrl()),
                        due.calendarEvent().startsAtInstant(), due.occurredAt()));
    }

    @Bean
    EventHandler<EventRsvpEventChanged> rsvpEventChanged() {
        return EventHandler.of(EventRsvpEventChanged.TYPE, EventRsvpEventChanged.class, (changed, eventId) ->
                send(eventId, changed.cancelled() ? CANCELLED : REVISED, changed.rsvpId(), changed.locale(),
                        changed.email(), variables(changed.name(), changed.calendarEvent(), changed.cancelUrl()),
                        changed.calendarEvent().endsAtInstant(), changed.occurredAt()));
    }

    private static Map<String, String> variables(String name, RsvpEvent event, String cancelUrl) {
        Map<String, String> variables = new HashMap<>(Map.of(
                "name", name,
                "eventTitle", event.title(),
                "campaignTitle", event.campaignTitle(),
                "when", event.when(),
                "where", event.where(),
                "eventUrl", event.url(),
                "icsUrl", event.icsUrl(),
                "cancelUrl", cancelUrl));
        return variables;
    }

    private void send(String eventId, String kind, String rsvpId, String locale, String email,
            Map<String, String> variables, Instant expiresAt, Instant causedAt) {
        deliveries.request(new DeliveryRequest(eventId + ":" + kind, kind, rsvpId,
                templates.render(kind, locale, email, variables), expiresAt, causedAt, false, null, keys.idOf(email)));
    }
}
