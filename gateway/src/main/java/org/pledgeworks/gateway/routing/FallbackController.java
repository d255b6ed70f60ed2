package org.pledgeworks.gateway.routing;

import java.net.URI;
import java.util.Set;

import org.pledgeworks.gateway.correlation.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where every route's circuit breaker forwards when its service cannot answer: refused or reset
 * connections, timeouts, or a breaker that is open. The caller gets a 503 problem that names the service
 * and says when to try again, instead of a bare 500 or a hanging request.
 *
 * <p>Mapped for every method: a forwarded POST stays a POST.
 */
@RestController
class FallbackController {

    static final String TITLE = "Service temporarily unavailable";

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final RoutingProperties properties;

    FallbackController(RoutingProperties properties) {
        this.properties = properties;
    }

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
        if (!properties.knows(service)) {
            return ResponseEntity.notFound().build();
        }
        logCause(service, exchange);

        // the detail is shown to people on the pages as it is; the service is named for programs
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "We cannot handle this request right now. Please try again in a few seconds.");
        problem.setTitle(TITLE);
        problem.setInstance(originalPath(exchange));
        problem.setProperty("service", service);
        CorrelationId.of(exchange).ifPresent(id -> problem.setProperty("requestId", id.value()));

        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(properties.fallback().retryAfter().toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * Logs the route, not the path: paths such as {@code /verify/{token}} carry secrets and slugs of
     * people's activity, and the route id with the correlation id is enough to find the request.
     */
    private static void logCause(String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        log.warn("{} unavailable: route={} method={} requestId={} cause={}", service,
                route == null ? "?" : route.getId(), exchange.getRequest().getMethod(),
                CorrelationId.of(exchange).map(CorrelationId::value).orElse("?"),
                cause == null ? "?" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    /** The path the caller asked for; after the forward the request itself says {@code /fallback/...}. */
    private static URI originalPath(ServerWebExchange exchange) {
        Set<URI> originals = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        URI original = (originals == null || originals.isEmpty()) ? exchange.getRequest().getURI()
                : originals.iterator().next();
        return URI.create(original.getRawPath());
    }
}
