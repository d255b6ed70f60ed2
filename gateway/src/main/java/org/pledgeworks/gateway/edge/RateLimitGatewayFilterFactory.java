package org.pledgeworks.gateway.edge;

import java.time.Duration;

import org.pledgeworks.gateway.problems.ProblemResponses;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * {@code RateLimit}: a token bucket per client address ({@link ClientAddresses}) for one route; a client
 * over its limit gets a 429 problem with {@code Retry-After}, and the service never sees the request.
 * Without arguments the route gets {@code pledgeworks.gateway.edge.rate-limit}; a route may set its own
 * {@code capacity} and {@code period}. Each route has buckets of its own, so reading counts does not use
 * up a client's signing allowance.
 *
 * <p>Written here rather than taken from the gateway's {@code RequestRateLimiter}: that one answers 429
 * with an empty body and no {@code Retry-After}, and our clients read problem details.
 */
@Component
public class RateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<RateLimitGatewayFilterFactory.Config> {

    private final EdgeProperties properties;

    private final ClientAddresses clients;

    private final ProblemResponses problems;

    /** Null unless a shared store is configured. */
    private final SharedRateLimits shared;

    RateLimitGatewayFilterFactory(EdgeProperties properties, ClientAddresses clients, ProblemResponses problems,
            ObjectProvider<SharedRateLimits> shared) {
        super(Config.class);
        this.properties = properties;
        this.clients = clients;
        this.problems = problems;
        this.shared = shared.getIfAvailable();
    }

    @Override
    public GatewayFilter apply(Config config) {
        int capacity = config.getCapacity() != null ? config.getCapacity() : properties.rateLimit().capacity();
        Duration period = config.getPeriod() != null ? config.getPeriod() : properties.rateLimit().period();
        // this instance's own buckets: the limit itself by default, the fallback when a shared store is away
        ClientRateLimiter limiter = new ClientRateLimiter(capacity, period);
        String routeId = config.routeIdOrDefault();
        return new OrderedGatewayFilter((exchange, chain) -> {
            String client = clients.clientOf(exchange.getRequest());
            Mono<ClientRateLimiter.Verdict> verdict = shared == null ? Mono.just(limiter.take(client))
                    : shared.take(routeId, client, capacity, period, limiter);
            return verdict.flatMap(v -> v.allowed() ? chain.filter(exchange)
                    : problems.write(exchange, tooManyRequests(), retryAfter(v)));
        }, -5);
    }

    static ProblemDetail tooManyRequests() {
        return ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "You have made a lot of requests in a short time. Please wait a moment and try again.");
    }

    static HttpHeaders retryAfter(ClientRateLimiter.Verdict verdict) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
        return headers;
    }

    /** The route id comes from the gateway (HasRouteId): shared counters are kept per route. */
    public static class Config extends RouteConfig {

        private Integer capacity;

        private Duration period;

        public Integer getCapacity() {
            return capacity;
        }

        public void setCapacity(Integer capacity) {
            this.capacity = capacity;
        }

        public Duration getPeriod() {
            return period;
        }

        public void setPeriod(Duration period) {
            this.period = period;
        }
    }
}
