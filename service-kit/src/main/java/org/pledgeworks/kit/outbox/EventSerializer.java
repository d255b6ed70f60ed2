package org.pledgeworks.kit.outbox;

import java.time.Clock;
import java.util.UUID;

import org.pledgeworks.kit.tracing.TraceParent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a service's event record into the {@link PendingEvent} stored beside the state it belongs to.
 * The record itself stays the service's own: the kit only carries its JSON, and the trace of the request
 * that caused it ({@link TraceParent}), since the relay sends it later from another thread.
 */
public class EventSerializer {

    private final JsonMapper json;
    private final Clock clock;

    public EventSerializer(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public PendingEvent pending(String topic, String type, String key, UUID eventId, Object event) {
        return new PendingEvent(eventId, type, topic, key, json.writeValueAsString(event), clock.instant(),
                TraceParent.current());
    }
}
