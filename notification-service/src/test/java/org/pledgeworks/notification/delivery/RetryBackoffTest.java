package org.pledgeworks.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofMinutes(10);

    @Test
    void theDelayDoublesWithEachFailureUpToTheCap() {
        RetryBackoff backoff = new RetryBackoff(INITIAL, MAX, RandomGenerator.of("L64X128MixRandom"));

        assertThat(backoff.ceiling(1)).isEqualTo(2_000);
        assertThat(backoff.ceiling(2)).isEqualTo(4_000);
        assertThat(backoff.ceiling(3)).isEqualTo(8_000);
        assertThat(backoff.ceiling(9)).isEqualTo(512_000);
        assertThat(backoff.ceiling(10)).isEqualTo(600_000);
        assertThat(backoff.ceiling(63)).isEqualTo(600_000);
        assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(600_000);
    }

    @Test
    void jitterKeepsEachDelayBetweenHalfAndAllOfItsCeiling() {
        RetryBackoff backoff = new RetryBackoff(INITIAL, MAX, RandomGenerator.of("L64X128MixRandom"));

        for (int failures = 1; failures <= 40; failures++) {
            long ceiling = backoff.ceiling(failures);
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delayAfter(failures).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void jitterSpreadsDeliveriesDeferredTogether() {
        RetryBackoff backoff = new RetryBackoff(INITIAL, MAX, RandomGenerator.of("L64X128MixRandom"));
        Set<Duration> delays = new HashSet<>();

        for (int i = 0; i < 100; i++) {
            delays.add(backoff.delayAfter(5));
        }

        assertThat(delays).hasSizeGreaterThan(50);
    }

    @Test
    void theExtremesOfTheRandomSourceStayInBounds() {
        RetryBackoff lowest = new RetryBackoff(INITIAL, MAX, fixed(0));
        RetryBackoff highest = new RetryBackoff(INITIAL, MAX, new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        });

        assertThat(lowest.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(highest.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(lowest.delayAfter(30)).isEqualTo(Duration.ofMinutes(5));
        assertThat(highest.delayAfter(30)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, MAX, fixed(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryBackoff(MAX, INITIAL, fixed(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryBackoff(INITIAL, MAX, fixed(0)).delayAfter(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RandomGenerator fixed(long value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return value;
            }

            @Override
            public long nextLong(long bound) {
                return value;
            }
        };
    }
}
