package org.pledgeworks.kit.clock;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one clock a service reads for every decision by the time (a deadline passed, a token expired, a
 * retry due): UTC, injected, never {@code Instant.now()}. Tests put the kit's {@code TestClock} in its
 * place ({@code TestClockConfiguration}, {@code @Primary}); a service may declare its own.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }
}
