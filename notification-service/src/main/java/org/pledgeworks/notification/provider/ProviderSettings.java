package org.pledgeworks.notification.provider;

import java.time.Duration;

/**
 * Where the HTTP provider is and how to talk to it ({@code pledgeworks.provider.*}). The rate, retry,
 * circuit breaker and bulkhead are Resilience4j's instances named {@code email-provider}
 * ({@code resilience4j.*} in application.yml).
 *
 * @param baseUrl        e.g. {@code https://api.provider.example}; the batch endpoint is {@code /v1/messages/batch}
 * @param apiKey         sent as a bearer token
 * @param from           the From of every mail
 * @param maxBatch       mails per call (the provider's limit, 500)
 * @param connectTimeout to open a connection
 * @param timeout        for the whole call; longer means a slow provider holds a sender longer
 */
public record ProviderSettings(String baseUrl, String apiKey, String from, int maxBatch, Duration connectTimeout,
        Duration timeout) {
}
