package org.pledgeworks.gateway.problems;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Answers the gateway's own errors on {@code /api/**} (no route for the path, a method not allowed, ...)
 * as RFC 9457 problem details, like every service behind it does, so an API client meets one error
 * format whichever hop failed. Every other path is answered by the pages' handler ({@code pages/HtmlErrorPages}).
 *
 * <p>Ordered before Boot's {@code DefaultErrorWebExceptionHandler} (order -1), which would answer in its
 * own JSON shape.
 */
@Component
@Order(-2)
class ApiProblemDetailsHandler implements WebExceptionHandler {

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
        GatewayError error = GatewayError.of(exchange, ex, "There is no API at this path.");
        return responses.write(exchange, error.problem(), error.headers());
    }
}
