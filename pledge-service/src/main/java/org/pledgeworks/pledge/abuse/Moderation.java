package org.pledgeworks.pledge.abuse;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.pledge.counting.CountOps;
import org.pledgeworks.pledge.counting.Counters;
import org.pledgeworks.kit.outbox.EventSerializer;
import org.pledgeworks.kit.outbox.OutboxRelay;
import org.pledgeworks.kit.outbox.PendingEvent;
import org.pledgeworks.pledge.signatures.Signatures;

import org.springframework.stereotype.Service;

/**
 * Staff decisions on quarantined signatures, in bulk: release (they count once verified) or
 * invalidate (they never count). Each signature changes in its own write with its count op, so the
 * counts follow exactly, and with {@code pledge-released.v1} when a verified one starts counting, so
 * campaign-service's milestone count follows too.
 */
@Service
public class Moderation {

    private final Signatures signatures;
    private final CountOps countOps;
    private final Counters counters;
    private final EventSerializer events;
    private final OutboxRelay relay;
    private final Clock clock;
    private volatile Map<String, Transparency> transparency = Map.of();
    private volatile Instant transparencyAt = Instant.EPOCH;

    Moderation(Signatures signatures, CountOps countOps, Counters counters, EventSerializer events,
            OutboxRelay relay, Clock clock) {
        this.signatures = signatures;
        this.countOps = countOps;
        this.counters = counters;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    /** Which quarantined signatures a bulk decision applies to; all given criteria must hold. */
    public record Selection(String ipHash, String domain, Instant from, Instant to) {

        Bson filter(String campaignId) {
            List<Bson> all = new ArrayList<>(List.of(eq("campaignId", campaignId), eq("review", "QUARANTINED")));
            if (ipHash != null) {
                all.add(eq("ipHash", ipHash));
            }
            if (domain != null) {
                all.add(eq("emailDomain", domain.toLowerCase(java.util.Locale.ROOT)));
            }
            if (from != null) {
                all.add(Filters.gte("createdAt", Date.from(from)));
            }
            if (to != null) {
                all.add(Filters.lt("createdAt", Date.from(to)));
            }
            return and(all);
        }

        public boolean isEmpty() {
            return ipHash == null && domain == null && from == null && to == null;
        }
    }

    /** A quarantined signature as staff see it: the address masked. */
    public record Held(String signatureId, String maskedEmail, String domain, String country, String status,
            String reason, String ipHash, Instant createdAt) {
    }

    public List<Held> quarantined(String campaignId, int limit) {
        List<Held> held = new ArrayList<>();
        signatures.collection().find(and(eq("campaignId", campaignId), eq("review", "QUARANTINED")))
                .sort(Sorts.descending("createdAt")).limit(limit).batchSize(Math.min(limit, 500))
                .forEach(s -> held.add(new Held(s.getString("_id"), mask(s.getString("email")),
                        s.getString("emailDomain"), s.getString("country"), s.getString("status").toLowerCase(),
                        s.getString("reviewReason"), s.getString("ipHash"), s.getDate("createdAt").toInstant())));
        return held;
    }

    /** @return how many signatures changed */
    public int decide(String campaignId, Selection selection, boolean release) {
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>();
        signatures.collection().find(selection.filter(campaignId)).projection(Projections.include("_id"))
                .batchSize(500).forEach(d -> ids.add(d.getString("_id")));
        int changed = 0;
        for (String id : ids) {
            List<PendingEvent> caused = new ArrayList<>();
            boolean done = signatures.change(id, s -> {
                if (!"QUARANTINED".equals(s.getString("review"))) {
                    return Optional.empty();
                }
                String review = release ? "RELEASED" : "INVALIDATED";
                boolean before = s.getBoolean("counts", false);
                boolean after = CountOps.counts(s.getString("status"), review);
                caused.clear();
                if (after && !before) {
                    // verified while held: its pledge-verified said counted=false, so counters and
                    // subscriptions learn here that it counts now
                    Date verifiedAt = s.getDate("verifiedAt");
                    PledgeReleased released = new PledgeReleased(UUID.randomUUID(), now, id, s.getString("campaignId"),
                            s.getString("country"), s.getBoolean("consentToUpdates", false), s.getString("name"),
                            s.getString("email"), s.getString("locale"), s.getString("ipHash"),
                            verifiedAt == null ? null : verifiedAt.toInstant());
                    caused.add(events.pending("pledges", PledgeReleased.TYPE, id, released.eventId(), released));
                }
                return Optional.of(new Signatures.Change(List.of(Updates.set("review", review),
                        Updates.set("reviewedAt", Date.from(now)), Updates.set("counts", after)), List.copyOf(caused),
                        countOps.change(before, after, s.getString("country"), now)));
            }).isPresent();
            if (done) {
                relay.publish(Signatures.COLLECTION, id, List.copyOf(caused));
                counters.settle(id);
                changed++;
            }
        }
        transparencyAt = Instant.EPOCH;
        return changed;
    }

    /** Counts only, by reason: what the public may know about held-back signatures. Cached 10 s. */
    public Transparency transparency(String campaignId) {
        Instant now = clock.instant();
        if (now.isAfter(transparencyAt.plusSeconds(10))) {
            Map<String, Map<String, Map<String, Long>>> byCampaign = new HashMap<>();
            signatures.collection().aggregate(List.of(
                            Aggregates.match(Filters.in("review", "QUARANTINED", "INVALIDATED", "RELEASED")),
                            Aggregates.group(new Document("campaignId", "$campaignId").append("review", "$review")
                                    .append("reason", "$reviewReason"), Accumulators.sum("n", 1))))
                    .batchSize(1000)
                    .forEach(row -> {
                        Document id = row.get("_id", Document.class);
                        byCampaign.computeIfAbsent(id.getString("campaignId"), k -> new HashMap<>())
                                .computeIfAbsent(id.getString("review"), k -> new TreeMap<>())
                                .put(id.getString("reason"), ((Number) row.get("n")).longValue());
                    });
            Map<String, Transparency> all = new HashMap<>();
            byCampaign.forEach((id, reviews) -> all.put(id, new Transparency(
                    reviews.getOrDefault("QUARANTINED", Map.of()), reviews.getOrDefault("INVALIDATED", Map.of()),
                    reviews.getOrDefault("RELEASED", Map.of()))));
            transparency = all;
            transparencyAt = now;
        }
        return transparency.getOrDefault(campaignId, new Transparency(Map.of(), Map.of(), Map.of()));
    }

    /** Numbers of signatures per reason: held now, invalidated, released after review. */
    public record Transparency(Map<String, Long> quarantined, Map<String, Long> invalidated,
            Map<String, Long> released) {
    }

    static String mask(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
