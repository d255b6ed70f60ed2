package org.pledgeworks.notification.provider;

/**
 * The call failed in a way that may pass: 5xx, a timeout, a reset connection, a reply we cannot read.
 * Retried with back-off and jitter, and counted by the circuit breaker. Retrying is safe because each
 * mail carries its idempotency key: the provider accepts a mail it has seen once only.
 */
public class ProviderUnavailableException extends RuntimeException {

    ProviderUnavailableException(String reason) {
        super(reason, null, false, false);
    }
}
