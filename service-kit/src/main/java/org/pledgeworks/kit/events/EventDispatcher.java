package org.pledgeworks.kit.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.pledgeworks.kit.kafka.CloudEventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands each record to the handler of its {@code ce_type}, whatever the topic (the types are unique).
 * Types without a handler are skipped: other consumers read the topic for them. A service's listener
 * methods only call {@link #dispatch}; what a record becomes is the handlers' business.
 */
public class EventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final Map<String, EventHandler<?>> handlers = new HashMap<>();
    private final EventReader reader;

    public EventDispatcher(List<? extends EventHandler<?>> handlers, JsonMapper json) {
        for (EventHandler<?> handler : handlers) {
            EventHandler<?> previous = this.handlers.put(handler.type(), handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for " + handler.type() + ": " + previous + ", " + handler);
            }
        }
        this.reader = new EventReader(json);
    }

    public void dispatch(ConsumerRecord<String, String> record) {
        String type = CloudEventHeaders.type(record);
        if (type == null || type.isBlank()) {
            throw new MalformedEventException("record without a " + CloudEventHeaders.TYPE + " header");
        }
        EventHandler<?> handler = handlers.get(type);
        if (handler == null) {
            log.debug("Skipping {} at {}-{}@{}: not for this service", type, record.topic(), record.partition(),
                    record.offset());
            return;
        }
        dispatch(handler, type, record);
    }

    /** Whether some handler takes this type. */
    public boolean handles(String type) {
        return handlers.containsKey(type);
    }

    private <T extends IncomingEvent> void dispatch(EventHandler<T> handler, String type,
            ConsumerRecord<String, String> record) {
        T event = reader.read(type, record.value(), handler.eventClass());
        String eventId = CloudEventHeaders.id(record);
        handler.handle(event, eventId == null || eventId.isBlank() ? event.eventId().toString() : eventId);
    }
}
