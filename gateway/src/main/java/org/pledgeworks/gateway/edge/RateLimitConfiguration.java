package org.pledgeworks.gateway.edge;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared rate-limit store, made only when one is configured; without it each instance counts alone.
 * Decided in the bean method, not by a condition on it: the launcher runs the gateway from bean
 * definitions generated at build time (Spring AOT), where a condition is decided once, with the build's
 * settings. A null bean is "none" to the {@code ObjectProvider} that asks for it.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean(destroyMethod = "close")
    SharedRateLimits sharedRateLimits(EdgeProperties properties, MeterRegistry meters, Clock clock) {
        EdgeProperties.RateLimitStore store = properties.rateLimitStore();
        if (!store.shared()) {
            return null;
        }
        return new SharedRateLimits(new MongoRateLimitStore(store.uri(), store.database(), store.timeout(), clock),
                store.retryAfter(), clock, meters);
    }
}
