package org.pledgeworks.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The services behind the gateway and how the gateway answers when one of them is away.
 *
 * @param services the base URL of each service by its name ({@code campaign-service}, ...). The routes in
 *                 {@code application.yml} take their URIs from here, and the fallback only answers for a
 *                 name listed here, so the name a caller sees in a 503 is always a real service.
 * @param fallback how the fallback answers
 */
@Validated
@ConfigurationProperties("pledgeworks.gateway")
public record RoutingProperties(@NotEmpty Map<String, URI> services, @NotNull @DefaultValue Fallback fallback) {

    /**
     * @param retryAfter what the fallback puts in {@code Retry-After}: about as long as a circuit breaker
     *                   stays open, so a polite client's retry meets a half-open breaker, not an open one
     */
    public record Fallback(@NotNull @DefaultValue("5s") Duration retryAfter) {
    }

    boolean knows(String service) {
        return services.containsKey(service);
    }
}
