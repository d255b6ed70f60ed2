package org.pledgeworks.kit.deadletters;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topics          the dead-letter topics this service's listeners write ({@code campaigns.dlt}, ...);
 *                        none: no endpoint, no gauge
 * @param refreshInterval how often the gauge {@code pledgeworks.deadletters.pending} is read from the broker
 * @param listLimit       the most records one list returns
 */
@ConfigurationProperties("pledgeworks.dead-letters")
public record DeadLetterProperties(@DefaultValue List<String> topics, @DefaultValue("1m") Duration refreshInterval,
        @DefaultValue("500") int listLimit) {
}
