package org.pledgeworks.pledge.counting;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.pledge.signatures.CountOp;
import org.pledgeworks.pledge.signatures.Signature;
import org.pledgeworks.pledge.signatures.Signatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The sharded counters: per campaign, day and shard one document {@code campaignId|day|shard} with
 * {@code total}, {@code byCountry.<CC>}, {@code byHour.h<HH>} and {@code byMinute.m<HHmm>} (net
 * changes). A campaign's count is the sum of its documents; with N shards a burst spreads over N
 * documents instead of queueing on one.
 * <p>
 * A signature and a counter cannot change in one write, so a state change leaves its op in the
 * signature ({@code countOps}), and {@link #settle} applies it in two idempotent steps:
 * <ol>
 * <li>{@code $inc} the shard and set the marker {@code applied.<signatureId> = opId}, only where that
 * marker is not already set (an upsert that collides on {@code _id} means "already applied");</li>
 * <li>pull the op from the signature.</li>
 * </ol>
 * A crash after 1 leaves the op in the signature and the marker in the shard: the retry skips the
 * increment. Markers stay until {@link #pruneMarkers} removes those whose op is settled and older
 * than a grace period (a minute); removing them at once would let a second, slower settle of the
 * same op (the sweep racing the writer) increment again. So a shard holds at most about a minute's
 * worth of markers.
 */
@Component
public class Counters {

    static final String COLLECTION = "counters";
    private static final Logger log = LoggerFactory.getLogger(Counters.class);

    private static final int LEFTOVER_BATCH = 5000;

    private final MongoCollection<Document> counters;
    private final Signatures signatures;
    /** The service's clock: ops carry its time, so the age of an op and of a marker is judged by it too. */
    private final Clock clock;
    /** Signatures whose settling failed here: retried by {@code _id} every sweep interval. */
    private final Set<String> unsettled = ConcurrentHashMap.newKeySet();

    Counters(MongoDatabase database, Signatures signatures, Clock clock) {
        this.counters = database.getCollection(COLLECTION);
        this.signatures = signatures;
        this.clock = clock;
        counters.createIndex(Indexes.ascending("campaignId", "day"));
    }

    /** Applies the count ops waiting in a signature; safe to call any number of times, concurrently too. */
    public void settle(String signatureId) {
        Optional<Signature> signature;
        try {
            signature = signatures.byId(signatureId);
        }
        catch (RuntimeException e) {
            unsettled.add(signatureId);
            throw e;
        }
        if (signature.isPresent()) {
            settle(signature.get());
        }
        else {
            unsettled.remove(signatureId);
        }
    }

    /**
     * Applies the count ops of a signature as just written (saves reading it again). When that fails, the
     * signature is remembered and {@link #retryUnsettled} tries again.
     */
    public void settle(Signature signature) {
        try {
            for (CountOp op : signature.countOps()) {
                apply(signature.campaignId(), signature.id(), op);
                signatures.countOpApplied(signature.id(), op.opId());
            }
        }
        catch (RuntimeException e) {
            unsettled.add(signature.id());
            throw e;
        }
        unsettled.remove(signature.id());
    }

    private void apply(String campaignId, String signatureId, CountOp op) {
        try {
            counters.updateOne(new Document("_id", op.counterId(campaignId))
                            .append(marker(signatureId) + ".op", new Document("$ne", op.opId())),
                    Updates.combine(
                            Updates.setOnInsert("campaignId", campaignId),
                            Updates.setOnInsert("day", op.day()),
                            Updates.setOnInsert("shard", op.shard()),
                            Updates.inc("total", op.delta()),
                            Updates.inc("byCountry." + op.country(), op.delta()),
                            Updates.inc("byHour.h" + op.hour(), op.delta()),
                            Updates.inc("byMinute.m" + op.minute(), op.delta()),
                            Updates.set(marker(signatureId),
                                    new Document("op", op.opId()).append("at", Date.from(clock.instant())))),
                    new UpdateOptions().upsert(true));
        }
        catch (MongoWriteException e) {
            // the shard exists and carries this op's marker: applied before a crash or by a racing settle
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** A correction from reconciliation: applied once, on the day's reconciliation document. */
    void correct(String campaignId, String day, String hour, String minute, Map<String, Long> byCountry) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.setOnInsert("campaignId", campaignId),
                Updates.setOnInsert("day", day), Updates.setOnInsert("shard", -1)));
        long total = 0;
        for (Map.Entry<String, Long> e : byCountry.entrySet()) {
            updates.add(Updates.inc("byCountry." + e.getKey(), e.getValue()));
            total += e.getValue();
        }
        updates.add(Updates.inc("total", total));
        updates.add(Updates.inc("byHour.h" + hour, total));
        updates.add(Updates.inc("byMinute.m" + minute, total));
        counters.updateOne(eq("_id", campaignId + "|" + day + "|reconciliation"), Updates.combine(updates),
                new UpdateOptions().upsert(true));
    }

    /** Settles again, by {@code _id}, the signatures whose settling failed in this instance. */
    @Scheduled(fixedDelayString = "${pledgeworks.outbox.sweep-interval}")
    public int retryUnsettled() {
        return settleEach(List.copyOf(unsettled));
    }

    /**
     * Searches all signatures for count ops no instance remembers (a crash between a signature's write and
     * its settling). At start and then rarely: no index serves the search.
     */
    @Scheduled(initialDelayString = "${pledgeworks.outbox.sweep-after}",
            fixedDelayString = "${pledgeworks.outbox.full-sweep-interval}")
    public int settleLeftovers() {
        return settleLeftovers(Duration.ofSeconds(5));
    }

    /**
     * Settles ops older than {@code age} (younger ones are being settled by their writer), in at most
     * {@value #LEFTOVER_BATCH} signatures a round.
     */
    int settleLeftovers(Duration age) {
        List<String> ids = new ArrayList<>();
        signatures.withCountOpsBefore(clock.instant().minus(age), LEFTOVER_BATCH, ids::add);
        settleEach(ids);
        return ids.size();
    }

    /** @return how many were settled; a failure is logged, and the signature stays remembered */
    private int settleEach(List<String> ids) {
        int settled = 0;
        for (String id : ids) {
            try {
                settle(id);
                settled++;
            }
            catch (RuntimeException e) {
                log.warn("Count ops of signature {} not applied yet: {}", id, e.getMessage());
            }
        }
        return settled;
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    void pruneMarkers() {
        pruneMarkers(Duration.ofMinutes(1));
    }

    /** Removes markers older than {@code grace} whose op is no longer waiting in its signature. */
    int pruneMarkers(Duration grace) {
        int removed = 0;
        Date graceEnd = Date.from(clock.instant().minus(grace));
        List<Document> withMarkers = counters.find(exists("applied"))
                .projection(Projections.include("applied")).batchSize(100).into(new ArrayList<>());
        for (Document shard : withMarkers) {
            List<Bson> unsets = new ArrayList<>();
            for (Map.Entry<String, Object> marker : shard.get("applied", new Document()).entrySet()) {
                Document value = (Document) marker.getValue();
                if (value.getDate("at").after(graceEnd)) {
                    continue;
                }
                if (!signatures.countOpWaiting(marker.getKey(), value.getString("op"))) {
                    unsets.add(Updates.unset(marker(marker.getKey())));
                }
            }
            if (!unsets.isEmpty()) {
                counters.updateOne(eq("_id", shard.get("_id")), Updates.combine(unsets));
                removed += unsets.size();
            }
        }
        return removed;
    }

    MongoCollection<Document> collection() {
        return counters;
    }

    static String marker(String signatureId) {
        return "applied." + signatureId;
    }
}
