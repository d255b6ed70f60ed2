package org.pledgeworks.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TestClockTest {

    @Test
    void theTestClockStandsAtTheConfiguredOffsetFromTheWallClock() {
        Duration offset = TestClock.offset();
        Instant wallBefore = Instant.now();
        Instant test = TestClock.now();
        Instant wallAfter = Instant.now();

        assertThat(test).isBetween(wallBefore.plus(offset), wallAfter.plus(offset));
        assertThat(TestClock.clock().instant()).isAfterOrEqualTo(test);
    }
}
