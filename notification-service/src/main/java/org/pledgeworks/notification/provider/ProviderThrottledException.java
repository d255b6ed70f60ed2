package org.pledgeworks.notification.provider;

import java.time.Duration;

/**
 * The provider asked us to slow down (HTTP 429, or 421 / 454 relayed from its SMTP side), with how
 * long to wait. Not a failure: the circuit breaker ignores it and the retry does not retry it.
 */
public class ProviderThrottledException extends RuntimeException {

    private final Duration retryAfter;

    ProviderThrottledException(int status, Duration retryAfter) {
        super("provider throttled: HTTP " + status, null, false, false);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
