package org.pledgeworks.campaign.rsvp;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.pledgeworks.kit.events.EventDispatcher;
import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.kit.events.IncomingEvent;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * This service's own {@code calendar-event-revised.v1} and {@code -cancelled.v1}, read back from
 * {@code campaigns}: the waiting list moves up to a raised capacity ({@link Rsvps#promoteWhileSeatsFree}) and
 * the people going or waiting are told ({@link Rsvps#tellOfChange}). Read from the topic
 * rather than called from the calendar's write, so that a crash after the write still tells them (the
 * event is in the outbox with the write), and the calendar need not know RSVPs exist. Other types on
 * {@code campaigns} are skipped by the dispatcher.
 */
@Configuration(proxyBeanMethods = false)
class CalendarChanges {

    // the dispatcher is made of the handlers declared here, so it is looked up when a record comes
    private final ObjectProvider<EventDispatcher> dispatcher;

    CalendarChanges(ObjectProvider<EventDispatcher> dispatcher) {
        this.dispatcher = dispatcher;
    }

    // a group of its own: the pledges listener's group is reset as a whole when the count is replayed,
    // which a broker refuses while another of its members is consuming
    @KafkaListener(id = "campaign-service.campaigns", topics = "campaigns", groupId = "campaign-service.campaigns")
    void on(ConsumerRecord<String, String> record) {
        dispatcher.getObject().dispatch(record);
    }

    /** What is read of a change: which event; its state now is read from the calendar. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CalendarEventChanged(UUID eventId, Changed calendarEvent) implements IncomingEvent {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Changed(String calendarEventId) {
    }

    @Bean
    EventHandler<CalendarEventChanged> calendarEventRevised(Rsvps rsvps) {
        // a revision may have raised the capacity: the waiting list moves up first, so that those promoted are
        // told of the change as going
        return EventHandler.of("calendar-event-revised.v1", CalendarEventChanged.class, (changed, eventId) -> {
            rsvps.promoteWhileSeatsFree(changed.calendarEvent().calendarEventId());
            rsvps.tellOfChange(changed.calendarEvent().calendarEventId(), changed.eventId(), false);
        });
    }

    @Bean
    EventHandler<CalendarEventChanged> calendarEventCancelled(Rsvps rsvps) {
        return EventHandler.of("calendar-event-cancelled.v1", CalendarEventChanged.class,
                (changed, eventId) -> rsvps.tellOfChange(changed.calendarEvent().calendarEventId(), changed.eventId(),
                        true));
    }
}
