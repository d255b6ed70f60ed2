package org.pledgeworks.notification.provider;

import java.time.Clock;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.pledgeworks.notification.mail.SmtpMailer;
import org.pledgeworks.notification.mail.SmtpTransport;
import org.pledgeworks.notification.system.NotificationServiceProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The transports, both always made; {@code pledgeworks.mail.transport} and {@code bulk-transport} choose
 * between them at run time (DeliverySender). Not a condition on the bean: the launcher runs the service
 * from bean definitions generated at build time (Spring AOT), where a condition is decided once, with
 * the build's settings. The provider's limits are the Resilience4j instances named
 * {@code email-provider} ({@code resilience4j.*}).
 */
@Configuration(proxyBeanMethods = false)
class MailTransportConfiguration {

    static final String PROVIDER = "email-provider";

    @Bean
    SmtpTransport smtpTransport(SmtpMailer mailer, NotificationServiceProperties properties) {
        return new SmtpTransport(mailer, properties.mail().smtpMailsPerConnection());
    }

    @Bean
    HttpProviderTransport httpProviderTransport(NotificationServiceProperties properties, JsonMapper json, Clock clock,
            RateLimiterRegistry rateLimiters, RetryRegistry retries, CircuitBreakerRegistry circuitBreakers,
            BulkheadRegistry bulkheads) {
        NotificationServiceProperties.Provider provider = properties.provider();
        return new HttpProviderTransport(
                new ProviderSettings(provider.baseUrl(), provider.apiKey(), properties.mail().from(),
                        provider.maxBatch(), provider.connectTimeout(), provider.timeout()),
                json, clock, rateLimiters.rateLimiter(PROVIDER), retries.retry(PROVIDER),
                circuitBreakers.circuitBreaker(PROVIDER), bulkheads.bulkhead(PROVIDER));
    }
}
