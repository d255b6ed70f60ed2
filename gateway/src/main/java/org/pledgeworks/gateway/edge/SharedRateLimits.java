package org.pledgeworks.gateway.edge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Rate limits every gateway instance shares, counted in a {@link MongoRateLimitStore}; on only when a shared
 * store is configured ({@code PLEDGEWORKS_RATE_LIMIT_STORE=mongodb}).
 *
 * <p>When the store does not answer, the limit fails over to this instance's own token bucket for the route
 * (the in-memory default): requests keep flowing, each instance limits on its own (a client gets up to N
 * times the limit with N instances), the warning metric {@code pledgeworks.gateway.rate_limit.store.unavailable}
 * counts every request decided that way, and a WARN is logged. Failing closed would turn a database hiccup
 * into an outage of every public page; failing fully open would drop the limit exactly when something is
 * wrong. After a failure the store is left alone for {@code retryAfter}, so a dead store costs one timeout,
 * not one per request.
 */
public final class SharedRateLimits implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedRateLimits.class);

    static final String UNAVAILABLE_METRIC = "pledgeworks.gateway.rate_limit.store.unavailable";

    private final MongoRateLimitStore store;

    private final Duration retryAfter;

    private final Clock clock;

    private final Counter unavailable;

    private volatile Instant storeAwayUntil = Instant.MIN;

    public SharedRateLimits(MongoRateLimitStore store, Duration retryAfter, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.retryAfter = retryAfter;
        this.clock = clock;
        this.unavailable = Counter.builder(UNAVAILABLE_METRIC)
                .description("Requests whose rate limit was decided by this instance alone because the shared store did not answer")
                .register(meters);
    }

    /** The shared counter's key for a client on a route: each route has budgets of its own. */
    public static String key(String routeId, String client) {
        return routeId + "|" + client;
    }

    /**
     * Takes one request of {@code client} on {@code routeId} from the shared budget; {@code local} decides when
     * the store is away.
     */
    public Mono<ClientRateLimiter.Verdict> take(String routeId, String client, int capacity, Duration period,
            ClientRateLimiter local) {
        if (clock.instant().isBefore(storeAwayUntil)) {
            unavailable.increment();
            return Mono.just(local.take(client));
        }
        return Mono.fromCallable(() -> store.take(key(routeId, client), capacity, period))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(RuntimeException.class, ex -> {
                    storeAwayUntil = clock.instant().plus(retryAfter);
                    unavailable.increment();
                    log.warn("Shared rate-limit store did not answer ({}); limiting on this instance alone for {}",
                            ex.toString(), retryAfter);
                    return Mono.just(local.take(client));
                });
    }

    @Override
    public void close() {
        store.close();
    }
}
