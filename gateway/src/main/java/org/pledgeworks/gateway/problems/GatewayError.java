package org.pledgeworks.gateway.problems;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ServerWebExchange;

/**
 * What an exception that reached the gateway's own error handlers comes to: its problem and the headers
 * it carries (a 405's {@code Allow}). Spring's own errors keep their status and body; anything else is a
 * fault of the gateway, logged here and answered 500 without its cause. Both handlers resolve it here
 * ({@code /api/**} and the pages), so they agree on what each error is.
 */
public record GatewayError(ProblemDetail problem, HttpHeaders headers) {

    private static final Logger log = LoggerFactory.getLogger(GatewayError.class);

    /**
     * @param notFoundDetail the detail of a 404 for a path nothing answers: Spring's own talks of
     *                       "static resources", which means nothing to whoever asked
     */
    public static GatewayError of(ServerWebExchange exchange, Throwable ex, String notFoundDetail) {
        HttpHeaders headers = new HttpHeaders();
        if (ex instanceof NoResourceFoundException) {
            return new GatewayError(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, notFoundDetail), headers);
        }
        if (ex instanceof ErrorResponse error) {
            headers.addAll(error.getHeaders());
            return new GatewayError(error.getBody(), headers);
        }
        log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().pathWithinApplication().value(), ex);
        return new GatewayError(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong in the gateway."), headers);
    }

    public HttpStatusCode status() {
        return HttpStatusCode.valueOf(problem.getStatus());
    }
}
