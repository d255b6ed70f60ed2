package org.pledgeworks.gateway.edge;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared rate-limit store, made only when one is configured; without it each instance counts alone. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "pledgeworks.gateway.edge.rate-limit-store.type", havingValue = "mongodb")
    SharedRateLimits sharedRateLimits(EdgeProperties properties, MeterRegistry meters) {
        EdgeProperties.RateLimitStore store = properties.rateLimitStore();
        Clock clock = Clock.systemUTC();
        return new SharedRateLimits(new MongoRateLimitStore(store.uri(), store.database(), store.timeout(), clock),
                store.retryAfter(), clock, meters);
    }
}
