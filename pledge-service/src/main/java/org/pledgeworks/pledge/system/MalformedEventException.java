package org.pledgeworks.pledge.system;

/** A record no retry can fix: it goes to the dead-letter topic at once. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
