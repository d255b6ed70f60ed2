package org.pledgeworks.kit.web;

/**
 * Input that Bean Validation passed or could not judge alone (a query parameter, a campaign that does
 * not exist): each service answers it with a 400 problem naming the field, as it answers a failed
 * constraint.
 */
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
