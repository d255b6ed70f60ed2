package org.pledgeworks.notification.events;

import java.util.UUID;

/**
 * A slim record of an event this service reads: only the fields it uses, each of them required
 * (null or blank is rejected when the record is read). Further checks go in {@link #validate()}.
 */
public interface IncomingEvent {

    UUID eventId();

    /** Checks beyond presence; throws {@link MalformedEventException}. */
    default void validate() {
    }
}
