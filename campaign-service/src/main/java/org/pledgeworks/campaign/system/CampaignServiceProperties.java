package org.pledgeworks.campaign.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of campaign-service, bound from {@code pledgeworks.*} in application.yml.
 *
 * @param database the MongoDB database this service owns
 * @param demo     whether to seed and publish the demo campaign on first start
 * @param outbox   how often the relay sweeps for events a crash left unpublished
 * @param publicBaseUrl the gateway's public URL, for links in events (update and card pages)
 * @param events   how the listeners retry a record that fails (service-kit's ListenerErrorPolicy)
 */
@ConfigurationProperties("pledgeworks")
public record CampaignServiceProperties(
        @DefaultValue("pledgeworks-campaigns") String database,
        @DefaultValue Demo demo,
        @DefaultValue Outbox outbox,
        @DefaultValue("http://127.0.0.1:8080") String publicBaseUrl,
        @DefaultValue Events events) {

    public record Demo(@DefaultValue("true") boolean enabled) {
    }

    /**
     * @param sweepInterval how often to look for pending events
     * @param sweepAfter    how old a pending event must be before the sweep takes it, so the sweep
     *                      does not race the publish that follows every write
     */
    public record Outbox(@DefaultValue("2s") Duration sweepInterval, @DefaultValue("5s") Duration sweepAfter,
            @DefaultValue("5m") Duration fullSweepInterval) {
    }

    /**
     * @param retryInterval the wait between tries of a failing record, and the first wait while the
     *                      database or the broker is away
     * @param retryAttempts how often a record that fails for no known passing reason is tried again
     *                      before it goes to its dead-letter topic
     * @param maxBackOff    the longest wait between tries while the database or the broker is away
     */
    public record Events(@DefaultValue("500ms") Duration retryInterval, @DefaultValue("3") long retryAttempts,
            @DefaultValue("30s") Duration maxBackOff) {
    }
}
