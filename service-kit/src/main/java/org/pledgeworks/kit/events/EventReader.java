package org.pledgeworks.kit.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads a record's JSON value into a slim record, or says precisely (but without values) why not. */
final class EventReader {

    private final JsonMapper json;

    EventReader(JsonMapper json) {
        this.json = json;
    }

    <T extends IncomingEvent> T read(String type, String value, Class<T> eventClass) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException(type + " without a value");
        }
        T event;
        try {
            event = json.readValue(value, eventClass);
        }
        catch (JacksonException e) {
            // Jackson's message can quote the offending value; name only where it went wrong.
            String path = e.getPathReference();
            throw new MalformedEventException(type + " is not readable JSON (" + e.getClass().getSimpleName()
                    + (path == null || path.isEmpty() ? "" : " at " + path) + ")");
        }
        if (event == null) {
            throw new MalformedEventException(type + " is JSON null");
        }
        requireAll(type, event);
        event.validate();
        return event;
    }

    /** Every component of a slim record is a field the service reads, so every one is required. */
    private static void requireAll(String type, IncomingEvent event) {
        if (!(event instanceof Record)) {
            throw new IllegalStateException(event.getClass() + " should be a record");
        }
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            Object value;
            try {
                // a service keeps its slim records package-private, out of other features' reach
                Method accessor = component.getAccessor();
                accessor.trySetAccessible();
                value = accessor.invoke(event);
            }
            catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
            if (value == null || value instanceof String s && s.isBlank()) {
                throw new MalformedEventException(type + " without required field '" + component.getName() + "'");
            }
        }
    }
}
