package org.pledgeworks.kit.events.elsewhere;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.kit.events.IncomingEvent;
import org.pledgeworks.kit.events.MalformedEventException;

/**
 * A feature of some service, in a package of its own as services have them: its slim record is
 * package-private, as services keep theirs, and the kit must still read it.
 */
public final class Greetings implements EventHandler<IncomingEvent> {

    record Greeted(UUID eventId, String name) implements IncomingEvent {
        @Override
        public void validate() {
            if (name.length() > 10) {
                throw new MalformedEventException("greeted with a name over 10 characters");
            }
        }
    }

    public final List<String> seen = new ArrayList<>();

    @Override
    public String type() {
        return "greeted.v1";
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<IncomingEvent> eventClass() {
        return (Class<IncomingEvent>) (Class<?>) Greeted.class;
    }

    @Override
    public void handle(IncomingEvent event, String eventId) {
        seen.add(eventId + ":" + ((Greeted) event).name());
    }
}
