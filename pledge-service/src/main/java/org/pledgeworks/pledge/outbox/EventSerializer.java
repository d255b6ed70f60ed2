package org.pledgeworks.pledge.outbox;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Turns an event record into the {@link PendingEvent} stored beside the state it belongs to. */
@Component
public class EventSerializer {

    private final JsonMapper json;

    EventSerializer(JsonMapper json) {
        this.json = json;
    }

    public PendingEvent pending(String topic, String type, String key, UUID eventId, Object event) {
        return new PendingEvent(eventId, type, topic, key, json.writeValueAsString(event), Instant.now());
    }
}
