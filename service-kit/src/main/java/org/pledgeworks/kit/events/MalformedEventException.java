package org.pledgeworks.kit.events;

/**
 * A record that can never be processed: not JSON, a required field missing or of the wrong shape, no
 * type header, a type version nobody reads. Retrying cannot fix it, so the listener error policy
 * sends it straight to the dead-letter topic with this message as the reason. The message names
 * fields, never their values (they may be personal data).
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
