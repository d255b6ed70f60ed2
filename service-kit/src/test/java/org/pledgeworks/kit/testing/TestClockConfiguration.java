package org.pledgeworks.kit.testing;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives a service under test the {@link TestClock} in place of its own {@code Clock} bean. Import it
 * in the one base class of a module's integration tests, so the context stays one and cached.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    Clock testClock() {
        return TestClock.clock();
    }
}
