package org.pledgeworks.gateway.edge;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.pledgeworks.gateway.problems.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * {@code InFlightLimit}: at most {@code limit} requests of one route in flight to its service from this
 * gateway instance; one more is answered at once with a 503 problem and {@code Retry-After}, and never
 * reaches the service. In a spike beyond what the service can do, requests would otherwise queue and
 * every caller would wait — past the service's capacity the queue only grows — until timeouts answered
 * them after all; this way the excess learns at once to come back, and what was let in keeps its latency
 * (DESIGN.md: "excess answered 429/503 with Retry-After fast"). The per-client {@code RateLimit} cannot
 * do this: a spike is many clients, each within its allowance.
 *
 * <p>A fixed number rather than a rate: in-flight requests are what queue up, and a limit on them adapts
 * to whatever the service manages (Little's law: at 100 pledges/s and 20 ms each, 2 are in flight).
 * Counted per instance: N gateway instances let N × limit through.
 */
@Component
public class InFlightLimitGatewayFilterFactory
        extends AbstractGatewayFilterFactory<InFlightLimitGatewayFilterFactory.Config> {

    private final ProblemResponses problems;

    private final MeterRegistry meters;

    InFlightLimitGatewayFilterFactory(ProblemResponses problems, MeterRegistry meters) {
        super(Config.class);
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public GatewayFilter apply(Config config) {
        if (config.getLimit() == null || config.getLimit() < 1) {
            throw new IllegalArgumentException("InFlightLimit needs a limit of at least 1, not " + config.getLimit());
        }
        Semaphore permits = new Semaphore(config.getLimit());
        String routeId = config.routeIdOrDefault();
        Counter rejected = Counter.builder("gateway.in_flight.rejected").tag("route", routeId)
                .description("Requests answered 503 because the route had its limit of requests in flight")
                .register(meters);
        HttpHeaders retryAfter = new HttpHeaders();
        retryAfter.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, config.getRetryAfter().toSeconds())));
        // taken when the exchange is subscribed, and given back when that subscription ends (the answer, an
        // error, or the client going away): one place per subscription, however often it happens
        return new OrderedGatewayFilter((exchange, chain) -> Mono.defer(() -> {
            if (!permits.tryAcquire()) {
                rejected.increment();
                return problems.write(exchange, busy(), retryAfter);
            }
            return chain.filter(exchange).doFinally(signal -> permits.release());
        }), -4); // after RateLimit (-5): a client over its own limit does not take a place here
    }

    static ProblemDetail busy() {
        return ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy right now",
                "Many people are doing the same thing right now. Please try again in a moment.");
    }

    /** {@code limit} requests in flight; {@code retryAfter} (whole seconds, at least 1) for those turned away. */
    public static class Config extends RouteConfig {

        private Integer limit;

        private Duration retryAfter = Duration.ofSeconds(1);

        public Integer getLimit() {
            return limit;
        }

        public void setLimit(Integer limit) {
            this.limit = limit;
        }

        public Duration getRetryAfter() {
            return retryAfter;
        }

        public void setRetryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
        }
    }
}
