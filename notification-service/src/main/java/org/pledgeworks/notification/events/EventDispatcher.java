package org.pledgeworks.notification.events;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Hands each record to the handler of its {@code ce_type}, whatever the topic (the types are unique).
 * Types without a handler are skipped (other consumers read the topic for them).
 */
@Component
class EventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final Map<String, EventHandler<?>> handlers = new HashMap<>();
    private final EventReader reader;

    EventDispatcher(List<EventHandler<?>> handlers, JsonMapper json) {
        for (EventHandler<?> handler : handlers) {
            EventHandler<?> previous = this.handlers.put(handler.type(), handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for " + handler.type() + ": " + previous + ", " + handler);
            }
        }
        this.reader = new EventReader(json);
    }

    void dispatch(ConsumerRecord<String, String> record) {
        String type = header(record, "ce_type");
        if (type == null || type.isBlank()) {
            throw new MalformedEventException("record without a ce_type header");
        }
        EventHandler<?> handler = handlers.get(type);
        if (handler == null) {
            log.debug("Skipping {} at {}-{}@{}: not for this service", type, record.topic(), record.partition(),
                    record.offset());
            return;
        }
        dispatch(handler, type, record);
    }

    private <T extends IncomingEvent> void dispatch(EventHandler<T> handler, String type,
            ConsumerRecord<String, String> record) {
        T event = reader.read(type, record.value(), handler.eventClass());
        String eventId = header(record, "ce_id");
        handler.handle(event, eventId == null || eventId.isBlank() ? event.eventId().toString() : eventId);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
