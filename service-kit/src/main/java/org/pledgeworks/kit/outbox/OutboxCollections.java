package org.pledgeworks.kit.outbox;

import java.util.List;

/**
 * The collections of a service whose documents carry pending events. A service that publishes declares
 * this one bean; {@link OutboxAutoConfiguration} builds the relay and the serializer around it.
 */
public record OutboxCollections(List<String> names) {

    public OutboxCollections {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("an outbox needs at least one collection");
        }
    }

    public static OutboxCollections of(String... names) {
        return new OutboxCollections(List.of(names));
    }
}
