package org.pledgeworks.pledge.counting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts of verified signatures, summed from the counter shards once per refresh interval and served
 * from memory: a burst of readers never becomes a burst of queries. Each refresh re-reads only
 * today's and yesterday's shards (where ops land); all of them once a minute, which also picks up
 * late corrections.
 */
@Component
class VerifiedCounts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final Counters counters;
    private final Clock clock;
    private final Map<String, Document> shards = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.EPOCH);
    private Instant lastFullReload = Instant.EPOCH;

    VerifiedCounts(Counters counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    CampaignCount of(String campaignId) {
        Snapshot current = snapshot;
        CampaignCount count = current.byCampaign().get(campaignId);
        return count != null ? count.asOf(current.asOf())
                : new CampaignCount(0, Map.of(), Map.of(), new TreeMap<>(), current.asOf());
    }

    @Scheduled(fixedDelayString = "${pledgeworks.counts.refresh-interval}")
    synchronized void refresh() {
        Instant asOf = clock.instant();
        boolean full = Duration.between(lastFullReload, asOf).compareTo(Duration.ofMinutes(1)) >= 0;
        Bson filter = full ? Filters.empty() : Filters.gte("day", DAY.format(asOf.minus(Duration.ofDays(1))));
        if (full) {
            shards.clear();
            lastFullReload = asOf;
        }
        counters.collection().find(filter).projection(Projections.exclude("applied")).batchSize(1000)
                .forEach(d -> shards.put(d.getString("_id"), d));
        Map<String, Builder> builders = new HashMap<>();
        for (Document shard : shards.values()) {
            builders.computeIfAbsent(shard.getString("campaignId"), k -> new Builder()).add(shard);
        }
        Map<String, CampaignCount> counts = new HashMap<>();
        builders.forEach((campaignId, b) -> counts.put(campaignId, b.build(asOf)));
        snapshot = new Snapshot(Map.copyOf(counts), asOf);
    }

    private static final class Builder {

        long total;
        final Map<String, Long> byCountry = new TreeMap<>();
        final Map<String, Long> byDay = new TreeMap<>();
        /** net change per minute, key {@code yyyy-MM-ddTHH:mm} */
        final TreeMap<String, Long> byMinute = new TreeMap<>();

        void add(Document shard) {
            String day = shard.getString("day");
            long shardTotal = number(shard.get("total"));
            total += shardTotal;
            byDay.merge(day, shardTotal, Long::sum);
            shard.get("byCountry", new Document()).forEach((country, n) -> byCountry.merge(country, number(n), Long::sum));
            shard.get("byMinute", new Document()).forEach((m, n) -> byMinute.merge(
                    day + "T" + m.substring(1, 3) + ":" + m.substring(3, 5), number(n), Long::sum));
        }

        CampaignCount build(Instant asOf) {
            byCountry.values().removeIf(n -> n == 0);
            return new CampaignCount(total, Map.copyOf(byCountry), Map.copyOf(byDay), byMinute, asOf);
        }

        private static long number(Object n) {
            return n == null ? 0 : ((Number) n).longValue();
        }
    }

    /**
     * @param byMinute net change of the count per minute (UTC), for the history; read only
     */
    record CampaignCount(long total, Map<String, Long> byCountry, Map<String, Long> byDay,
            TreeMap<String, Long> byMinute, Instant asOf) {

        CampaignCount asOf(Instant when) {
            return new CampaignCount(total, byCountry, byDay, byMinute, when);
        }

        /** A weak validator of what the count says (not of when it was read). */
        String etag() {
            return "W/\"" + Integer.toHexString(Objects.hash(total, new TreeMap<>(byCountry), new TreeMap<>(byDay)))
                    + "-" + total + "\"";
        }
    }

    private record Snapshot(Map<String, CampaignCount> byCampaign, Instant asOf) {
    }

    List<String> campaignIds() {
        return List.copyOf(snapshot.byCampaign().keySet());
    }
}
