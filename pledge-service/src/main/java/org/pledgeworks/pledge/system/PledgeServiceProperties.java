package org.pledgeworks.pledge.system;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of pledge-service, bound from {@code pledgeworks.*} in application.yml.
 *
 * @param database      the MongoDB database this service owns
 * @param publicBaseUrl where people reach Pledgeworks (the gateway): links in mail start here
 * @param verification  the signed links that confirm a signature
 * @param counts        how fresh the public counts are, how they are sharded and reconciled
 * @param signing       request size, resend and repeat limits
 * @param links         validity of the other signed links in mail (withdraw, data export, erasure)
 * @param privacy       the key that turns client IPs and addresses into keyed hashes
 * @param abuse         limits, honeypot and domain lists that send signatures to quarantine
 * @param purge         when never-verified signatures and old data requests are removed
 * @param consent       the consent wording the sign form shows, recorded with each consenting signature
 */
@ConfigurationProperties("pledgeworks")
public record PledgeServiceProperties(
        @DefaultValue("pledgeworks-pledges") String database,
        @DefaultValue("http://127.0.0.1:8080") URI publicBaseUrl,
        @DefaultValue Verification verification,
        @DefaultValue Counts counts,
        @DefaultValue Signing signing,
        @DefaultValue Links links,
        @DefaultValue Privacy privacy,
        @DefaultValue Abuse abuse,
        @DefaultValue Purge purge,
        @DefaultValue Consent consent) {

    /** The settings issue 2 had, with defaults for the rest: for tests that build properties by hand. */
    public static PledgeServiceProperties of(String database, URI publicBaseUrl, Verification verification) {
        return new PledgeServiceProperties(database, publicBaseUrl, verification, Counts.DEFAULTS,
                Signing.DEFAULTS, Links.DEFAULTS, Privacy.DEFAULTS, Abuse.DEFAULTS, Purge.DEFAULTS, Consent.DEFAULTS);
    }

    /**
     * @param secret   HMAC key of verification links; when empty a random one is made at start, and
     *                 links from before a restart stop working
     * @param validity how long a verification link works
     */
    public record Verification(@DefaultValue("") String secret, @DefaultValue("7d") Duration validity) {
    }

    /**
     * @param refreshInterval     the most a served count lags behind the counters
     * @param shards              counter documents per campaign and day, so no single document is hot
     * @param reconcileInterval   how often the reconciliation recounts from the signatures
     */
    public record Counts(@DefaultValue("1s") Duration refreshInterval, @DefaultValue("16") int shards,
            @DefaultValue("10m") Duration reconcileInterval) {

        static final Counts DEFAULTS = new Counts(Duration.ofSeconds(1), 16, Duration.ofMinutes(10));
    }

    /**
     * @param maxBodySize  larger request bodies are refused with 413 before they are parsed
     * @param resendLimit  verification mails a signer can ask for again, per signature
     * @param repeatMailLimit "already signed" mails per signature, so a repeat form cannot mail-bomb
     */
    public record Signing(@DefaultValue("16KB") DataSize maxBodySize, @DefaultValue("5") int resendLimit,
            @DefaultValue("5") int repeatMailLimit) {

        static final Signing DEFAULTS = new Signing(DataSize.ofKilobytes(16), 5, 5);
    }

    /**
     * @param withdrawValidity how long the withdraw link in a mail works
     * @param dataValidity     how long the export and erasure links work
     */
    public record Links(@DefaultValue("365d") Duration withdrawValidity, @DefaultValue("7d") Duration dataValidity) {

        static final Links DEFAULTS = new Links(Duration.ofDays(365), Duration.ofDays(7));
    }

    /** @param hashKey HMAC key for client IPs and address hashes; empty: derived from the token secret */
    public record Privacy(@DefaultValue("") String hashKey) {

        static final Privacy DEFAULTS = new Privacy("");
    }

    /**
     * Per client IP hash and per email domain, a burst limit (per minute) and a sustained limit (per
     * hour). Over a limit, a signature is quarantined, not refused.
     */
    public record Abuse(@DefaultValue("10") int ipBurst, @DefaultValue("100") int ipSustained,
            @DefaultValue("30") int domainBurst, @DefaultValue("300") int domainSustained,
            @DefaultValue({"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com",
                    "gmx.de", "web.de", "proton.me"}) Set<String> allowDomains,
            @DefaultValue({"mailinator.com", "guerrillamail.com", "10minutemail.com", "trashmail.com"})
            Set<String> blockDomains) {

        static final Abuse DEFAULTS = new Abuse(10, 100, 30, 300, Set.of(), Set.of());
    }

    /**
     * @param pendingAfter signatures still pending after this long are deleted
     * @param interval     how often the purge runs
     */
    public record Purge(@DefaultValue("30d") Duration pendingAfter, @DefaultValue("10m") Duration interval) {

        static final Purge DEFAULTS = new Purge(Duration.ofDays(30), Duration.ofMinutes(10));
    }

    /**
     * @param wording the words a signer agreed to when ticking "keep me updated"; stored with each
     *                consenting signature so the staff export shows what each person agreed to, even
     *                after the wording changes
     */
    public record Consent(
            @DefaultValue("Keep me updated about this campaign by email. I can unsubscribe at any time.") String wording) {

        static final Consent DEFAULTS = new Consent(
                "Keep me updated about this campaign by email. I can unsubscribe at any time.");
    }
}
