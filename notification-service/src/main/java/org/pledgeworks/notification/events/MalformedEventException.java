package org.pledgeworks.notification.events;

/**
 * A record that cannot be read as the event its type header promises: not JSON, a required field
 * missing or of the wrong shape. Retrying cannot fix it, so it goes straight to the dead-letter
 * topic. The message names fields, never their values (they may be personal data).
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
