package org.pledgeworks.kit.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the relay sweeps, bound from {@code pledgeworks.outbox.*}. The two intervals are read by
 * {@link OutboxRelay}'s schedules; they are here so that they are documented and validated in one place.
 *
 * @param sweepInterval     how often publishes that failed or lingered are retried
 * @param sweepAfter        how old a pending event is before a sweep takes it on, so a sweep does not race
 *                          the publish that follows every write
 * @param fullSweepInterval how often whole collections are searched for events no instance remembers
 *                          (after a crash); also done once at start
 */
@ConfigurationProperties("pledgeworks.outbox")
public record OutboxProperties(@DefaultValue("2s") Duration sweepInterval, @DefaultValue("5s") Duration sweepAfter,
        @DefaultValue("5m") Duration fullSweepInterval) {
}
