package org.pledgeworks.pledge.counting;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.model.Projections;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.pledgeworks.pledge.signatures.Signatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recounts from the signatures (those marked {@code counts: true}) and compares with the sum of the
 * counter shards, per campaign and country. Ops still waiting in signatures are settled first; a
 * difference is corrected only if it is still the same after settling once more, so a transition
 * racing the recount is not mistaken for drift. Each correction is logged (ids and numbers, no
 * personal data), counted in {@code pledgeworks.counts.drift.corrected} and listed in the report at
 * {@code /actuator/countreconciliation} (POST there runs it now).
 */
@Component
@Endpoint(id = "countreconciliation")
public class CountReconciliation {

    private static final Logger log = LoggerFactory.getLogger(CountReconciliation.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HHmm").withZone(ZoneOffset.UTC);

    private final Counters counters;
    private final Signatures signatures;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile Report last;

    CountReconciliation(Counters counters, Signatures signatures, Clock clock, MeterRegistry meters) {
        this.counters = counters;
        this.signatures = signatures;
        this.clock = clock;
        this.meters = meters;
    }

    @ReadOperation
    public Report lastReport() {
        return last;
    }

    @WriteOperation
    @Scheduled(initialDelayString = "${pledgeworks.counts.reconcile-interval}",
            fixedDelayString = "${pledgeworks.counts.reconcile-interval}")
    public synchronized Report reconcile() {
        Instant at = clock.instant();
        int settled = counters.settleLeftovers(java.time.Duration.ZERO);
        Map<Key, Long> drift = drift();
        List<Fix> fixes = new ArrayList<>();
        if (!drift.isEmpty()) {
            counters.settleLeftovers(java.time.Duration.ZERO);
            Map<Key, Long> again = drift();
            Map<String, Map<String, Long>> corrections = new HashMap<>();
            drift.forEach((key, diff) -> {
                if (diff.equals(again.get(key))) {
                    corrections.computeIfAbsent(key.campaignId(), k -> new HashMap<>()).put(key.country(), diff);
                    fixes.add(new Fix(key.campaignId(), key.country(), diff));
                    meters.counter("pledgeworks.counts.drift.corrected", "campaign", key.campaignId())
                            .increment(Math.abs(diff));
                    log.warn("Count drift corrected: campaign {} country {} off by {}", key.campaignId(),
                            key.country(), -diff);
                }
            });
            corrections.forEach((campaignId, byCountry) -> counters.correct(campaignId, DAY.format(at),
                    HOUR.format(at), MINUTE.format(at), byCountry));
        }
        int stale = counters.pruneMarkers(java.time.Duration.ofMinutes(1));
        Report report = new Report(at, settled, fixes, stale);
        log.info("Count reconciliation: {} corrections, {} leftover ops settled, {} stale markers removed",
                fixes.size(), settled, stale);
        last = report;
        return report;
    }

    /** expected minus counted, for every (campaign, country) where they differ */
    private Map<Key, Long> drift() {
        Map<Key, Long> expected = new HashMap<>();
        signatures.countingByCampaignAndCountry().forEach(counted -> expected.put(
                new Key(counted.campaignId(), counted.country()), counted.signatures()));
        Map<Key, Long> counted = new HashMap<>();
        counters.collection().find().projection(Projections.include("campaignId", "byCountry")).batchSize(1000)
                .forEach(shard -> shard.get("byCountry", new Document()).forEach((country, n) -> counted.merge(
                        new Key(shard.getString("campaignId"), country), ((Number) n).longValue(), Long::sum)));
        Set<Key> keys = new HashSet<>(expected.keySet());
        keys.addAll(counted.keySet());
        Map<Key, Long> drift = new HashMap<>();
        for (Key key : keys) {
            long diff = expected.getOrDefault(key, 0L) - counted.getOrDefault(key, 0L);
            if (diff != 0) {
                drift.put(key, diff);
            }
        }
        return drift;
    }

    record Key(String campaignId, String country) {
    }

    /** @param correction what was added to the counters (expected minus what they said) */
    public record Fix(String campaignId, String country, long correction) {
    }

    public record Report(Instant at, int leftoverOpsSettled, List<Fix> fixes, int staleMarkersRemoved) {
    }
}
