package org.pledgeworks.gateway.edge;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits at the edge.
 *
 * @param trustedProxies a regular expression for the addresses of proxies in front of the gateway whose
 *                       {@code X-Forwarded-For} may be believed; empty (the default) trusts none, so the
 *                       client is always the address that connected
 * @param maxBodySize    the largest request body a public route accepts, unless the route says otherwise
 * @param rateLimit      the default rate limit per client address of a public route
 * @param corsOrigins    origins allowed to call the API from a browser page of their own; none by default
 * @param rateLimitStore where rate-limit counters live: this instance's memory, or a store all instances share
 */
@Validated
@ConfigurationProperties("pledgeworks.gateway.edge")
public record EdgeProperties(@DefaultValue("") String trustedProxies,
        @NotNull @DefaultValue("16KB") DataSize maxBodySize,
        @NotNull @DefaultValue RateLimit rateLimit,
        @NotNull @DefaultValue List<String> corsOrigins,
        @NotNull @DefaultValue RateLimitStore rateLimitStore) {

    /**
     * @param capacity how many requests a client may make in a burst
     * @param period   the time in which the whole capacity refills
     */
    public record RateLimit(@Positive @DefaultValue("60") int capacity, @NotNull @DefaultValue("1m") Duration period) {
    }

    /**
     * @param type       {@code memory} (each instance counts on its own) or {@code mongodb} (shared counters)
     * @param uri        the MongoDB holding the shared counters
     * @param database   its database ({@code rateLimits} collection)
     * @param timeout    how long a request waits for the store before this instance decides alone
     * @param retryAfter how long the store is left alone after it failed to answer
     */
    public record RateLimitStore(@NotNull @Pattern(regexp = "memory|mongodb", message = "must be memory or mongodb")
            @DefaultValue("memory") String type,
            @DefaultValue("mongodb://127.0.0.1:27017") String uri,
            @DefaultValue("pledgeworks-gateway") String database,
            @NotNull @DefaultValue("500ms") Duration timeout,
            @NotNull @DefaultValue("5s") Duration retryAfter) {

        public boolean shared() {
            return "mongodb".equals(type);
        }
    }
}
