package org.pledgeworks.gateway.edge;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;
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
 */
@Validated
@ConfigurationProperties("pledgeworks.gateway.edge")
public record EdgeProperties(@DefaultValue("") String trustedProxies,
        @NotNull @DefaultValue("16KB") DataSize maxBodySize,
        @NotNull @DefaultValue RateLimit rateLimit,
        @NotNull @DefaultValue List<String> corsOrigins) {

    /**
     * @param capacity how many requests a client may make in a burst
     * @param period   the time in which the whole capacity refills
     */
    public record RateLimit(@Positive @DefaultValue("60") int capacity, @NotNull @DefaultValue("1m") Duration period) {
    }
}
