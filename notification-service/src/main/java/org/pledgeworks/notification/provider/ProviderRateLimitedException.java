package org.pledgeworks.notification.provider;

/** No permits from the rate limiter within its timeout: the mails wait for a later round. Not a failure. */
public class ProviderRateLimitedException extends RuntimeException {

    ProviderRateLimitedException() {
        super("rate limit reached", null, false, false);
    }
}
