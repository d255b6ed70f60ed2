package org.pledgeworks.pledge.system;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of pledge-service, bound from {@code pledgeworks.*} in application.yml.
 *
 * @param database      the MongoDB database this service owns
 * @param publicBaseUrl where people reach Pledgeworks (the gateway): links in mail start here
 * @param verification  the signed links that confirm a signature
 * @param counts        how fresh the public counts are
 * @param outbox        how often the relay sweeps for events a crash left unpublished
 */
@ConfigurationProperties("pledgeworks")
public record PledgeServiceProperties(
        @DefaultValue("pledgeworks-pledges") String database,
        @DefaultValue("http://127.0.0.1:8080") URI publicBaseUrl,
        @DefaultValue Verification verification,
        @DefaultValue Counts counts,
        @DefaultValue Outbox outbox) {

    /**
     * @param secret   HMAC key of verification links; when empty a random one is made at start, and
     *                 links from before a restart stop working
     * @param validity how long a verification link works
     */
    public record Verification(@DefaultValue("") String secret, @DefaultValue("7d") Duration validity) {
    }

    /** @param refreshInterval the most a served count lags behind the signatures */
    public record Counts(@DefaultValue("1s") Duration refreshInterval) {
    }

    public record Outbox(@DefaultValue("2s") Duration sweepInterval, @DefaultValue("5s") Duration sweepAfter) {
    }
}
