package org.pledgeworks.gateway.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock the gateway reads: staff tokens' {@code iat}/{@code exp} when it issues them, their
 * {@code exp}/{@code nbf} when it checks them, and the shared rate-limit windows. Tests put their own in
 * its place, so issuing and checking agree on whatever day a test runs at.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
