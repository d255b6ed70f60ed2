package org.pledgeworks.gateway.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.security.AuthProperties;

class SignInThrottleTest {

    private final SignInThrottle throttle = new SignInThrottle(
            new AuthProperties.SignIn(3, Duration.ofMinutes(1), 5, Duration.ofMinutes(15)));

    @Test
    void oneAddressGetsItsAttemptsWhicheverAccountsItTries() {
        IntStream.range(0, 3).forEach(i -> assertThat(throttle.refusal("198.51.100.1", "a" + i + "@example.org")).isEmpty());

        assertThat(throttle.refusal("198.51.100.1", "another@example.org")).hasValueSatisfying(refused ->
                assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L));
        assertThat(throttle.refusal("198.51.100.2", "another@example.org")).as("another address").isEmpty();
    }

    @Test
    void oneAccountGetsItsAttemptsFromWhateverAddresses() {
        IntStream.range(0, 5).forEach(i -> assertThat(throttle.refusal("203.0.113." + i, "Admin@Example.org")).isEmpty());

        assertThat(throttle.refusal("203.0.113.99", " admin@example.ORG ")).as("the same account, written otherwise")
                .hasValueSatisfying(refused -> assertThat(refused.retryAfterSeconds()).isBetween(1L, 15 * 60L));
        assertThat(throttle.refusal("203.0.113.99", "someone.else@example.org")).as("another account").isEmpty();
    }

    @Test
    void aRequestWithoutAnEmailCountsForItsAddressOnly() {
        IntStream.range(0, 3).forEach(i -> assertThat(throttle.refusal("192.0.2.1", null)).isEmpty());

        assertThat(throttle.refusal("192.0.2.1", "")).isPresent();
        assertThat(throttle.refusal("192.0.2.2", "x@example.org")).isEmpty();
    }
}
