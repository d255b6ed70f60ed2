package org.pledgeworks.gateway.staff;

import java.net.URI;
import java.util.List;

import org.pledgeworks.gateway.problems.ProblemResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

/**
 * A refusal of a staff-management request, as the rules decide it (a link used up, the last admin, not an
 * admin there); the controllers answer it as a problem of its own {@code type}, naming the fields at fault.
 */
final class StaffProblem extends RuntimeException {

    static final String TYPES = "https://pledgeworks.org/problems/";

    private final HttpStatus status;

    private final String type;

    private final String title;

    private final List<SignInController.FieldProblem> errors;

    StaffProblem(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    StaffProblem(HttpStatus status, String type, String title, String detail,
            List<SignInController.FieldProblem> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    static StaffProblem invalid(String title, List<SignInController.FieldProblem> errors) {
        return new StaffProblem(HttpStatus.BAD_REQUEST, null, title, "Correct the fields named below.", errors);
    }

    static StaffProblem forbidden() {
        return new StaffProblem(HttpStatus.FORBIDDEN, null, "Not allowed",
                "Only an admin of this organisation (or a platform operator) may manage its staff.");
    }

    static StaffProblem notFound(String what) {
        return new StaffProblem(HttpStatus.NOT_FOUND, null, "Not found", what);
    }

    ResponseEntity<?> toResponse(ServerWebExchange exchange) {
        ProblemDetail problem = ProblemResponses.problem(status, title, getMessage());
        if (type != null) {
            problem.setType(URI.create(TYPES + type));
        }
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ProblemResponses.entity(exchange, problem, new HttpHeaders());
    }
}
