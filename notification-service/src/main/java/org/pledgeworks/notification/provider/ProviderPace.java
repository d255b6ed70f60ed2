package org.pledgeworks.notification.provider;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.ratelimiter.RateLimiter;

/**
 * How fast the provider lets us send: a 429 / 421 / 454 pauses every sender until its Retry-After and
 * halves the rate (never below one batch a period), which then recovers by a tenth of the configured
 * rate per good call.
 */
final class ProviderPace {

    private final Clock clock;
    private final RateLimiter rateLimiter;
    private final int configuredRate;
    private final int minimumRate;
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.EPOCH);

    ProviderPace(Clock clock, RateLimiter rateLimiter, int configuredRate, int minimumRate) {
        this.clock = clock;
        this.rateLimiter = rateLimiter;
        this.configuredRate = configuredRate;
        this.minimumRate = minimumRate;
    }

    /** Until when the provider asked us to wait; in the past when it did not. */
    Instant pausedUntil() {
        return pausedUntil.get();
    }

    /** The provider throttled a call: wait {@code retryAfter} (or longer, if asked so before) and slow down. */
    Instant throttled(Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        pausedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
        slowDown();
        return until;
    }

    int currentRate() {
        return rateLimiter.getRateLimiterConfig().getLimitForPeriod();
    }

    /** Retry-After in seconds or as an HTTP date; one second when absent or unreadable. */
    Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse("").strip();
        if (value.isEmpty()) {
            return Duration.ofSeconds(1);
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        }
        catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            }
            catch (DateTimeParseException notADate) {
                return Duration.ofSeconds(1);
            }
        }
    }

    private void slowDown() {
        int current = rateLimiter.getRateLimiterConfig().getLimitForPeriod();
        rateLimiter.changeLimitForPeriod(Math.max(minimumRate, current / 2));
    }

    /** After a good call, back a tenth of the way to the configured rate. */
    void recoverRate() {
        int current = rateLimiter.getRateLimiterConfig().getLimitForPeriod();
        if (current < configuredRate) {
            rateLimiter.changeLimitForPeriod(Math.min(configuredRate, current + Math.max(1, configuredRate / 10)));
        }
    }
}
