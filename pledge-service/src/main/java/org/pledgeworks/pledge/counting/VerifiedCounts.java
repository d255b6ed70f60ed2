package org.pledgeworks.pledge.counting;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.pledgeworks.pledge.signing.SignatureStatus;
import org.pledgeworks.pledge.signing.Signatures;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts of verified signatures, recomputed from the signatures themselves once per refresh interval
 * and served from memory. Recounting keeps them exact with no counter document for every signature to
 * contend on.
 */
@Component
class VerifiedCounts {

    private final Signatures signatures;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.EPOCH);

    VerifiedCounts(Signatures signatures, Clock clock) {
        this.signatures = signatures;
        this.clock = clock;
    }

    CampaignCount of(String campaignId) {
        Snapshot current = snapshot;
        return current.byCampaign().getOrDefault(campaignId, new CampaignCount(0, Map.of(), current.asOf()))
                .asOf(current.asOf());
    }

    @Scheduled(fixedDelayString = "${pledgeworks.counts.refresh-interval}")
    void refresh() {
        Instant asOf = clock.instant();
        Map<String, Map<String, Long>> byCampaign = new HashMap<>();
        signatures.collection().aggregate(List.of(
                        Aggregates.match(Filters.eq("status", SignatureStatus.VERIFIED.name())),
                        Aggregates.group(new Document("campaignId", "$campaignId").append("country", "$country"),
                                Accumulators.sum("n", 1))))
                .batchSize(1000)
                .forEach(row -> {
                    Document id = row.get("_id", Document.class);
                    byCampaign.computeIfAbsent(id.getString("campaignId"), k -> new TreeMap<>())
                            .put(id.getString("country"), ((Number) row.get("n")).longValue());
                });
        Map<String, CampaignCount> counts = new HashMap<>();
        byCampaign.forEach((campaignId, byCountry) -> counts.put(campaignId,
                new CampaignCount(byCountry.values().stream().mapToLong(Long::longValue).sum(), byCountry, asOf)));
        snapshot = new Snapshot(Map.copyOf(counts), asOf);
    }

    record CampaignCount(long total, Map<String, Long> byCountry, Instant asOf) {

        CampaignCount asOf(Instant when) {
            return new CampaignCount(total, byCountry, when);
        }
    }

    private record Snapshot(Map<String, CampaignCount> byCampaign, Instant asOf) {
    }
}
