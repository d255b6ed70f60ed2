package org.pledgeworks.pledge.system;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import org.pledgeworks.kit.web.InvalidFieldException;
import org.pledgeworks.kit.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as RFC 9457 problem details. Invalid input names each field at fault in
 * {@code errors}, so a form can put each message next to its field.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TYPES = "https://pledgeworks.org/problems/";

    /** A feature's own problem, and {@link NotPermittedException}. */
    @ExceptionHandler
    ProblemDetail featureProblem(ProblemException e) {
        return problem(e.status(), e.type(), e.title(), e.detail());
    }

    @ExceptionHandler
    ProblemDetail badArgument(InvalidFieldException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Some fields need your attention",
                "Check: " + e.field() + ".");
        problem.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unexpected(Exception e) {
        // the message may hold personal data: log the type and where, not the content
        log.error("Unexpected {} at {}", e.getClass().getName(),
                e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side",
                "Please try again in a moment.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Some fields need your attention",
                errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", ", "Check: ", ".")));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).headers(headers)
                        .body(RequestSizeLimit.problem(tooLarge.limit));
            }
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unreadable-body", "The request body is not valid JSON "
                + "of the expected shape", "Send a JSON object with the documented fields and types.");
        if (e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            problem.setProperty("errors", List.of(new FieldError(field, "This value has the wrong type.")));
        }
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create(TYPES + type));
        return problem;
    }

    record FieldError(String field, String message) {
    }
}
