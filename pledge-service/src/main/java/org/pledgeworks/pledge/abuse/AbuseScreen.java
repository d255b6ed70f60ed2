package org.pledgeworks.pledge.abuse;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.pledgeworks.pledge.signatures.QuarantineReason;
import org.pledgeworks.pledge.system.PledgeServiceProperties;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Decides whether a new signature goes to quarantine, and why. Limits are token buckets in this
 * instance's memory: a burst bucket holds {@code burst} and refills that many per minute, a
 * sustained bucket holds {@code sustained} and refills that many per hour. With N instances behind
 * the gateway each enforces its own share, which is good enough for flagging, as nothing is refused
 * on these grounds.
 */
@Component
public class AbuseScreen {

    private final PledgeServiceProperties.Abuse settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    AbuseScreen(PledgeServiceProperties properties, Clock clock, MeterRegistry meters) {
        this.settings = properties.abuse();
        this.clock = clock;
        this.meters = meters;
    }

    /** @return the reason to quarantine, or empty for a signature that looks fine */
    public Optional<QuarantineReason> screen(String ipHash, String emailDomain, boolean honeypotFilled) {
        String domain = emailDomain.toLowerCase(Locale.ROOT);
        QuarantineReason reason = null;
        if (honeypotFilled) {
            reason = QuarantineReason.HONEYPOT;
        }
        else if (settings.blockDomains().contains(domain)) {
            reason = QuarantineReason.BLOCKED_DOMAIN;
        }
        // count every attempt, also the ones already flagged, so a robot cannot reset its window
        boolean ipOver = over("ip:m:" + ipHash, Duration.ofMinutes(1), settings.ipBurst())
                | over("ip:h:" + ipHash, Duration.ofHours(1), settings.ipSustained());
        boolean domainOver = !settings.allowDomains().contains(domain)
                && (over("domain:m:" + domain, Duration.ofMinutes(1), settings.domainBurst())
                | over("domain:h:" + domain, Duration.ofHours(1), settings.domainSustained()));
        if (reason == null && ipOver) {
            reason = QuarantineReason.IP_RATE;
        }
        if (reason == null && domainOver) {
            reason = QuarantineReason.DOMAIN_RATE;
        }
        if (reason != null) {
            meters.counter("pledgeworks.signatures.quarantined", "reason", reason.code()).increment();
        }
        return Optional.ofNullable(reason);
    }

    /** A small limit for other public forms (resend, data requests), keyed by whatever the caller picks. */
    public boolean allow(String key, int perHour) {
        return !over("form:" + key, Duration.ofHours(1), perHour);
    }

    /** Takes a token from the key's bucket; {@code true} when there was none left. */
    private boolean over(String key, Duration refillPeriod, int capacity) {
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, refillPeriod.toMillis(), now));
        return !bucket.take(now);
    }

    /** Full buckets are the same as no bucket: forget them, so memory follows the active clients only. */
    @Scheduled(fixedDelay = 60_000)
    void forgetFullBuckets() {
        long now = clock.millis();
        buckets.values().removeIf(b -> b.full(now));
    }

    private static final class Bucket {

        private final int capacity;
        private final long refillPeriodMillis;
        private double tokens;
        private long refilledAt;

        Bucket(int capacity, long refillPeriodMillis, long now) {
            this.capacity = capacity;
            this.refillPeriodMillis = refillPeriodMillis;
            this.tokens = capacity;
            this.refilledAt = now;
        }

        synchronized boolean take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * (double) capacity / refillPeriodMillis);
            refilledAt = now;
        }
    }
}
