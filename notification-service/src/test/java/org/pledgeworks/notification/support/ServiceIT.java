package org.pledgeworks.notification.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClockConfiguration;
import org.pledgeworks.kit.testing.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole service on a random port, against the shared broker,
 * database and SMTP server. One configuration, so Spring caches one context for all of them.
 * Retries are quick here so that tests of outages finish in seconds. The service's {@code Clock} is
 * the tests' {@code TestClock}, so what it decides by the time (a link expired, a claim gone stale, a
 * staff token or a webhook too old) agrees with the instants the tests compute.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // every retrier round scans deliveries (the embedded database ignores secondary indexes): not too often
        "pledgeworks.delivery.retry-interval=1s",
        "pledgeworks.delivery.initial-backoff=200ms",
        "pledgeworks.delivery.max-backoff=1s",
        "pledgeworks.events.retry-interval=100ms",
        "pledgeworks.events.retry-attempts=2",
        // transactional mail by SMTP (GreenMail), bulk mail by the HTTP provider (WireMock)
        "pledgeworks.mail.transport=smtp",
        "pledgeworks.mail.bulk-transport=http",
        "pledgeworks.provider.timeout=5s",
        "pledgeworks.provider.webhook-secret=test-webhook-secret",
        "pledgeworks.tokens.secret=test-token-secret",
        "pledgeworks.public-base-url=https://pledgeworks.test",
        "pledgeworks.fanout.lease=3s",
        "pledgeworks.fanout.poll-interval=200ms",
        "pledgeworks.fanout.batch-size=1000",
        "resilience4j.ratelimiter.instances.email-provider.limit-for-period=100000",
        "resilience4j.retry.instances.email-provider.wait-duration=100ms",
        "resilience4j.circuitbreaker.instances.email-provider.wait-duration-in-open-state=2s" })
@Import(TestClockConfiguration.class)
public abstract class ServiceIT {

    @Autowired
    protected MeterRegistry meters;

    /** The sum of every counter of this name, whatever its tags. */
    protected double count(String counter) {
        return meters.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", TestInfrastructure::mongoUri);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MailServers.smtp().port());
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("pledgeworks.provider.base-url", () -> MailServers.provider().baseUrl());
        registry.add("pledgeworks.security.public-key-location", StaffTokens::publicKeyLocation);
    }
}
