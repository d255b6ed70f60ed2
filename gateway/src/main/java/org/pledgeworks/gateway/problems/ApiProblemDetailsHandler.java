package org.pledgeworks.gateway.problems;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Answers the gateway's own errors on {@code /api/**} (no route for the path, a method not allowed, ...)
 * as RFC 9457 problem details, like every service behind it does, so an API client meets one error
 * format whichever hop failed. Pages and other paths keep Boot's default error handling.
 *
 * <p>Ordered before Boot's {@code DefaultErrorWebExceptionHandler} (order -1), which would answer in its
 * own JSON shape.
 */
@Component
@Order(-2)
class ApiProblemDetailsHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemDetailsHandler.class);

    private final ProblemResponses responses;

    ApiProblemDetailsHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/") || exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        ProblemDetail problem;
        HttpHeaders headers = new HttpHeaders();
        if (ex instanceof NoResourceFoundException) {
            // Spring's own detail talks of "static resources", which means nothing to an API client
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no API at this path.");
        }
        else if (ex instanceof ErrorResponse error) {
            problem = error.getBody();
            headers.addAll(error.getHeaders());
        }
        else {
            log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().pathWithinApplication().value(), ex);
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                    "Something went wrong in the gateway.");
        }
        return responses.write(exchange, problem, headers);
    }
}
