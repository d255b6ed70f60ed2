package org.pledgeworks.campaign.system;

import java.util.List;

/** Input that passed Bean Validation but breaks a rule across fields or against stored state: 400. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> errors;

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidInputException(List<FieldProblem> errors) {
        super("invalid input");
        this.errors = List.copyOf(errors);
    }

    /** Every rule a feature checks by hand ends here: 400 naming each field, or nothing when there is none. */
    public static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** One entry of the {@code errors} member of a 400 problem. */
    public record FieldProblem(String field, String message) {
    }
}
