package org.pledgeworks.kit.events;

import java.util.function.BiConsumer;

/**
 * What a feature does with one event type. Each handler is a bean; the {@link EventDispatcher} finds
 * it by {@link #type()}.
 *
 * @param <T> the slim record the event is read into
 */
public interface EventHandler<T extends IncomingEvent> {

    /** The logical type on the wire, e.g. {@code pledge-signed.v1}. */
    String type();

    Class<T> eventClass();

    /**
     * Must be idempotent: a redelivered or replayed record arrives with the same {@code eventId}.
     *
     * @param eventId the record's {@code ce_id} (the event's own {@code eventId} when the header is missing)
     */
    void handle(T event, String eventId);

    /** A handler made of a function, for a feature whose handling is one call. */
    static <T extends IncomingEvent> EventHandler<T> of(String type, Class<T> eventClass,
            BiConsumer<? super T, String> handle) {
        return new EventHandler<>() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Class<T> eventClass() {
                return eventClass;
            }

            @Override
            public void handle(T event, String eventId) {
                handle.accept(event, eventId);
            }

            @Override
            public String toString() {
                return "handler of " + type;
            }
        };
    }
}
