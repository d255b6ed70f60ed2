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

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code pledges} and hands each event to the handler of its {@code ce_type}. Types without
 * a handler are skipped (other consumers read this topic for them). The offset is committed after
 * the handler returns, so a crash before that redelivers the record, which handlers absorb.
 */
@Component
class PledgesListener {

    static final String TOPIC = "pledges";

    private static final Logger log = LoggerFactory.getLogger(PledgesListener.class);

    private final Map<String, EventHandler<?>> handlers = new HashMap<>();
    private final EventReader reader;

    PledgesListener(List<EventHandler<?>> handlers, JsonMapper json) {
        for (EventHandler<?> handler : handlers) {
            EventHandler<?> previous = this.handlers.put(handler.type(), handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for " + handler.type() + ": " + previous + ", " + handler);
            }
        }
        this.reader = new EventReader(json);
    }

    @KafkaListener(id = "pledges", idIsGroup = false, topics = TOPIC)
    void on(ConsumerRecord<String, String> record) {
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

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
