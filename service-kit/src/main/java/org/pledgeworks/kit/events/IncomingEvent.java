package org.pledgeworks.kit.events;

import java.util.UUID;

/**
 * A service's slim record of an event it reads: only the fields it uses, each of them required (null
 * or blank is rejected when the record is read). Further checks go in {@link #validate()}. The record
 * belongs to the consuming service; the kit only reads JSON into it.
 */
public interface IncomingEvent {

    UUID eventId();

    /** Checks beyond presence; throws {@link MalformedEventException}. */
    default void validate() {
    }
}
