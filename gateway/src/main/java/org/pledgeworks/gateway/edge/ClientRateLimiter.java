package org.pledgeworks.gateway.edge;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket per client address, in this gateway's memory (Bucket4j, buckets in a Caffeine cache
 * that forgets an address once its bucket would be full again). Per gateway instance: with N instances a
 * client gets up to N times the limit, unless a shared store is configured ({@link SharedRateLimits}), for
 * which these buckets are the fallback.
 */
public final class ClientRateLimiter {

    private final Bandwidth limit;

    private final Cache<String, Bucket> buckets;

    public ClientRateLimiter(int capacity, Duration period) {
        this.limit = Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(period.plusSeconds(1))
                .maximumSize(100_000)
                .build();
    }

    /** Takes one token for the client; empty when it may go on, else how long until it may try again. */
    public Verdict take(String client) {
        Bucket bucket = buckets.get(client, key -> Bucket.builder().addLimit(limit).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Verdict(true, probe.getRemainingTokens(), Duration.ZERO);
        }
        return new Verdict(false, 0, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * @param allowed    whether the request may go on
     * @param remaining  tokens left after this request
     * @param retryAfter when a refused client may try again
     */
    public record Verdict(boolean allowed, long remaining, Duration retryAfter) {

        /** Whole seconds, rounded up and at least 1, as {@code Retry-After} wants them. */
        public long retryAfterSeconds() {
            long millis = retryAfter.toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }
}
