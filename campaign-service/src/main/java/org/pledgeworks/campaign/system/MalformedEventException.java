package org.pledgeworks.campaign.system;

/** A record that no retry will make readable: straight to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
