package org.pledgeworks.kit.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service's listeners treat a record whose processing fails ({@link ListenerErrorPolicy}), bound
 * from {@code pledgeworks.events.*}.
 *
 * @param retryInterval the wait between tries of a failing record, and the first wait while the
 *                      database or the broker is away
 * @param retryAttempts how often a record that fails for no known passing reason is tried again
 *                      before it goes to its dead-letter topic
 * @param maxBackOff    the longest wait between tries while the database or the broker is away
 */
@ConfigurationProperties("pledgeworks.events")
public record ListenerProperties(@DefaultValue("500ms") Duration retryInterval, @DefaultValue("3") long retryAttempts,
        @DefaultValue("30s") Duration maxBackOff) {
}
