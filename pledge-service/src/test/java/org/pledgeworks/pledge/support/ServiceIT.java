package org.pledgeworks.pledge.support;

import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClockConfiguration;
import org.pledgeworks.kit.testing.TestInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole service on a random port, against the shared broker and
 * database. One configuration, so Spring caches one context for all of them. The service's
 * {@code Clock} is the {@link org.pledgeworks.kit.testing.TestClock}, which fixtures read too, so a
 * run with the clock moved a year either way sees the same service as today's.
 * <p>
 * Abuse limits are low (5 per minute per IP and per domain) so tests can cross them; {@link Api}
 * signs from a fresh client address each time and {@code example.org} is allow-listed, so other
 * tests never hit them by accident.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
public abstract class ServiceIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", TestInfrastructure::mongoUri);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("pledgeworks.verification.secret", () -> "integration-test-secret");
        registry.add("pledgeworks.abuse.ip-burst", () -> "5");
        registry.add("pledgeworks.abuse.domain-burst", () -> "5");
        registry.add("pledgeworks.abuse.allow-domains", () -> "example.org");
        registry.add("pledgeworks.abuse.block-domains", () -> "throwaway.test");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", StaffTokens::publicKeyLocation);
        registry.add("pledgeworks.staff.issuer", () -> StaffTokens.ISSUER);
    }
}
