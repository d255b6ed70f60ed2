package org.pledgeworks.notification.system;

/** A request field that passed Bean Validation but is still wrong (no such campaign); answered as a 400 problem. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
