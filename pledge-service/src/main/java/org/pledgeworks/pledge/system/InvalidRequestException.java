package org.pledgeworks.pledge.system;

/** Input that Bean Validation cannot judge alone (e.g. a query parameter): 400 naming the field. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
