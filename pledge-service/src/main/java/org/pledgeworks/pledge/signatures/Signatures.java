package org.pledgeworks.pledge.signatures;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lte;
import static org.pledgeworks.pledge.signatures.SignatureCodec.CAMPAIGN_ID;
import static org.pledgeworks.pledge.signatures.SignatureCodec.CONSENT;
import static org.pledgeworks.pledge.signatures.SignatureCodec.COUNTRY;
import static org.pledgeworks.pledge.signatures.SignatureCodec.COUNTS;
import static org.pledgeworks.pledge.signatures.SignatureCodec.COUNT_OPS;
import static org.pledgeworks.pledge.signatures.SignatureCodec.CREATED_AT;
import static org.pledgeworks.pledge.signatures.SignatureCodec.EMAIL_DOMAIN;
import static org.pledgeworks.pledge.signatures.SignatureCodec.EMAIL_KEY;
import static org.pledgeworks.pledge.signatures.SignatureCodec.ERASED_AT;
import static org.pledgeworks.pledge.signatures.SignatureCodec.ID;
import static org.pledgeworks.pledge.signatures.SignatureCodec.IP_HASH;
import static org.pledgeworks.pledge.signatures.SignatureCodec.OP_AT;
import static org.pledgeworks.pledge.signatures.SignatureCodec.OP_ID;
import static org.pledgeworks.pledge.signatures.SignatureCodec.PURGE_AT;
import static org.pledgeworks.pledge.signatures.SignatureCodec.REVIEW;
import static org.pledgeworks.pledge.signatures.SignatureCodec.REVIEW_REASON;
import static org.pledgeworks.pledge.signatures.SignatureCodec.STATUS;
import static org.pledgeworks.pledge.signatures.SignatureCodec.VERSION;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.kit.mongo.IdSlices;
import org.pledgeworks.kit.mongo.Inserts;
import org.pledgeworks.kit.outbox.EventSerializer;
import org.pledgeworks.kit.outbox.OutboxRelay;
import org.pledgeworks.kit.outbox.PendingEvent;
import org.pledgeworks.pledge.system.PledgeServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Repository;

/**
 * The signatures collection, and the one way a signature changes: {@link #insert} or {@link #change}
 * writes a {@link Transition} in one single-document write with the events it causes and the count op
 * it makes, so state, events and counts cannot part, and then hands the events to the kit's relay.
 * Changes are optimistic: each write checks the {@code version} it read, and a lost race reads and
 * decides again. Every query other features need is here too, in their terms, so BSON and field
 * names stay in this package ({@link SignatureCodec}). Long, because it is all of that.
 */
@Repository
public class Signatures {

    public static final String COLLECTION = "signatures";
    static final String TOPIC = "pledges";
    private static final Logger log = LoggerFactory.getLogger(Signatures.class);
    /** Not state: the outbox's field, and the count ops, which the counters read through this class. */
    private static final Bson WITHOUT_OUTBOX = Projections.exclude(PendingEvent.FIELD);

    private final MongoCollection<Document> signatures;
    private final EventSerializer events;
    private final OutboxRelay relay;
    private final int shards;

    Signatures(MongoDatabase database, EventSerializer events, OutboxRelay relay, PledgeServiceProperties properties) {
        this.signatures = database.getCollection(COLLECTION);
        this.events = events;
        this.relay = relay;
        this.shards = properties.counts().shards();
        // the rule "one signature per person and campaign" lives in the database, not in a check-then-insert
        signatures.createIndex(Indexes.ascending(CAMPAIGN_ID, EMAIL_KEY), new IndexOptions().unique(true));
        signatures.createIndex(Indexes.ascending(CAMPAIGN_ID, STATUS, COUNTRY));
        signatures.createIndex(Indexes.ascending(EMAIL_KEY));
        signatures.createIndex(Indexes.ascending(CAMPAIGN_ID, REVIEW, CREATED_AT));
        signatures.createIndex(Indexes.ascending(COUNT_OPS + "." + OP_ID), new IndexOptions().sparse(true));
        try {
            // MongoDB expires never-verified signatures by itself; where a database has no TTL indexes,
            // the scheduled purge (purgePending) does the same work
            signatures.createIndex(Indexes.ascending(PURGE_AT), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        }
        catch (RuntimeException e) {
            log.info("TTL index on signatures.purgeAt not created ({}); the scheduled purge removes them",
                    e.getClass().getSimpleName());
        }
    }

    /** Writes a new signature with its events. @return false when this person has signed this campaign already */
    public boolean insert(Transition created) {
        Signature signature = created.after();
        List<PendingEvent> pending = pending(signature.id(), created.events());
        Document document = SignatureCodec.toDocument(signature)
                .append(PendingEvent.FIELD, pending.stream().map(PendingEvent::toDocument).toList());
        if (!Inserts.insertIfAbsent(signatures, document)) {
            return false;
        }
        relay.publish(COLLECTION, signature.id(), pending);
        return true;
    }

    public Optional<Signature> byId(String signatureId) {
        return Optional.ofNullable(signatures.find(eq(ID, signatureId)).projection(WITHOUT_OUTBOX).first())
                .map(SignatureCodec::fromDocument);
    }

    public Optional<Signature> byCampaignAndEmail(String campaignId, String emailKey) {
        return Optional.ofNullable(signatures.find(new Document(CAMPAIGN_ID, campaignId).append(EMAIL_KEY, emailKey))
                .projection(WITHOUT_OUTBOX).first()).map(SignatureCodec::fromDocument);
    }

    /**
     * Reads the signature, asks {@code decide} for its transition, and writes it only if nobody changed
     * the signature in between (otherwise reads and decides again); then publishes its events.
     *
     * @return the signature as written, or empty when it is gone or {@code decide} changes nothing
     */
    public Optional<Signature> change(String signatureId, Function<Signature, Optional<Transition>> decide) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<Signature> found = byId(signatureId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Signature current = found.get();
            Optional<Transition> transition = decide.apply(current);
            if (transition.isEmpty()) {
                return Optional.empty();
            }
            Transition t = transition.get();
            List<PendingEvent> pending = pending(signatureId, t.events());
            List<Bson> updates = new ArrayList<>(SignatureCodec.changes(current, t.after()));
            updates.add(Updates.inc(VERSION, 1));
            if (!pending.isEmpty()) {
                updates.add(Updates.pushEach(PendingEvent.FIELD, pending.stream().map(PendingEvent::toDocument).toList()));
            }
            if (current.counts() != t.after().counts()) {
                CountOp op = CountOp.of(t.after().counts() ? 1 : -1, current.country(), t.at(), shards);
                updates.add(Updates.push(COUNT_OPS, SignatureCodec.toDocument(op)));
            }
            Document after = signatures.findOneAndUpdate(SignatureCodec.sameVersion(current), Updates.combine(updates),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(WITHOUT_OUTBOX));
            if (after != null) {
                relay.publish(COLLECTION, signatureId, pending);
                return Optional.of(SignatureCodec.fromDocument(after));
            }
        }
        throw new IllegalStateException("signature " + signatureId + " changed under us 20 times");
    }

    private List<PendingEvent> pending(String signatureId, List<SignatureEvent> caused) {
        return caused.stream().map(event -> events.pending(TOPIC, SignatureEvent.typeOf(event), signatureId,
                event.eventId(), event)).toList();
    }

    // --- abuse control: the quarantine ---

    /** The campaign's quarantined signatures, newest first. */
    public List<Signature> quarantined(String campaignId, int limit) {
        List<Signature> held = new ArrayList<>();
        signatures.find(and(eq(CAMPAIGN_ID, campaignId), eq(REVIEW, Review.State.QUARANTINED.name())))
                .projection(WITHOUT_OUTBOX).sort(Sorts.descending(CREATED_AT)).limit(limit)
                .batchSize(Math.min(limit, 500)).forEach(d -> held.add(SignatureCodec.fromDocument(d)));
        return held;
    }

    /** The ids of the campaign's quarantined signatures that meet every criterion given (null: any). */
    public List<String> quarantinedIds(String campaignId, String ipHash, String domain, Instant from, Instant to) {
        List<Bson> all = new ArrayList<>(List.of(eq(CAMPAIGN_ID, campaignId),
                eq(REVIEW, Review.State.QUARANTINED.name())));
        if (ipHash != null) {
            all.add(eq(IP_HASH, ipHash));
        }
        if (domain != null) {
            all.add(eq(EMAIL_DOMAIN, domain.toLowerCase(Locale.ROOT)));
        }
        if (from != null) {
            all.add(Filters.gte(CREATED_AT, Date.from(from)));
        }
        if (to != null) {
            all.add(Filters.lt(CREATED_AT, Date.from(to)));
        }
        List<String> ids = new ArrayList<>();
        signatures.find(and(all)).projection(Projections.include(ID)).batchSize(500)
                .forEach(d -> ids.add(d.getString(ID)));
        return ids;
    }

    /** How many signatures were held back, per campaign, review state and reason code. */
    public List<ReviewTally> reviewTallies() {
        List<ReviewTally> tallies = new ArrayList<>();
        signatures.aggregate(List.of(
                        Aggregates.match(Filters.exists(REVIEW)),
                        Aggregates.group(new Document(CAMPAIGN_ID, "$" + CAMPAIGN_ID).append(REVIEW, "$" + REVIEW)
                                .append(REVIEW_REASON, "$" + REVIEW_REASON), Accumulators.sum("n", 1))))
                .batchSize(1000)
                .forEach(row -> {
                    Document id = row.get(ID, Document.class);
                    tallies.add(new ReviewTally(id.getString(CAMPAIGN_ID), Review.State.valueOf(id.getString(REVIEW)),
                            id.getString(REVIEW_REASON), ((Number) row.get("n")).longValue()));
                });
        return tallies;
    }

    public record ReviewTally(String campaignId, Review.State state, String reason, long signatures) {
    }

    /**
     * A campaign's signatures (withdrawn ones left out) by the tags of the link their signer followed:
     * {@code utm_source}, {@code utm_medium} and the referral code, each null when the link had none, and
     * whether they count. Grouped in the database, so no signer's data leaves it.
     */
    public List<SourceTally> sourceTallies(String campaignId) {
        List<SourceTally> tallies = new ArrayList<>();
        String source = "$" + SignatureCodec.SOURCE + ".";
        signatures.aggregate(List.of(
                        Aggregates.match(and(eq(CAMPAIGN_ID, campaignId),
                                Filters.ne(STATUS, SignatureStatus.WITHDRAWN.name()))),
                        Aggregates.group(new Document("source", source + "utm_source")
                                        .append("medium", source + "utm_medium").append("ref", source + "ref")
                                        .append(COUNTS, "$" + COUNTS),
                                Accumulators.sum("n", 1))))
                .batchSize(1000)
                .forEach(row -> {
                    Document id = row.get(ID, Document.class);
                    tallies.add(new SourceTally(id.getString("source"), id.getString("medium"), id.getString("ref"),
                            Boolean.TRUE.equals(id.getBoolean(COUNTS)), ((Number) row.get("n")).longValue()));
                });
        return tallies;
    }

    public record SourceTally(String source, String medium, String ref, boolean counts, long signatures) {
    }

    // --- counting ---

    /** How many signatures count, per campaign and country: what the counters must add up to. */
    public List<Counted> countingByCampaignAndCountry() {
        List<Counted> counted = new ArrayList<>();
        signatures.aggregate(List.of(Aggregates.match(eq(COUNTS, true)),
                        Aggregates.group(new Document(CAMPAIGN_ID, "$" + CAMPAIGN_ID).append(COUNTRY, "$" + COUNTRY),
                                Accumulators.sum("n", 1))))
                .batchSize(1000)
                .forEach(row -> {
                    Document id = row.get(ID, Document.class);
                    counted.add(new Counted(id.getString(CAMPAIGN_ID), id.getString(COUNTRY),
                            ((Number) row.get("n")).longValue()));
                });
        return counted;
    }

    public record Counted(String campaignId, String country, long signatures) {
    }

    /** The op has reached its counter shard: it no longer waits in the signature. */
    public void countOpApplied(String signatureId, String opId) {
        signatures.updateOne(eq(ID, signatureId), Updates.pull(COUNT_OPS, new Document(OP_ID, opId)));
    }

    public boolean countOpWaiting(String signatureId, String opId) {
        return signatures.find(new Document(ID, signatureId).append(COUNT_OPS + "." + OP_ID, opId))
                .projection(Projections.include(ID)).first() != null;
    }

    /**
     * The ids of signatures holding count ops made before {@code cutoff}, at most {@code limit}: a
     * search no index serves, so {@link IdSlices slice by slice}.
     */
    public void withCountOpsBefore(Instant cutoff, int limit, Consumer<String> ids) {
        IdSlices.find(signatures, elemMatch(COUNT_OPS, lte(OP_AT, Date.from(cutoff))), Projections.include(ID),
                limit, d -> ids.accept(d.getString(ID)));
    }

    // --- export and privacy ---

    /**
     * The campaign's signers who may be contacted: counting (so verified, not withdrawn, not held back),
     * consenting to updates, not erased. Read a batch at a time; close the stream.
     */
    public Stream<Signature> consentingSigners(String campaignId, int batchSize) {
        MongoCursor<Document> cursor = signatures.find(and(eq(CAMPAIGN_ID, campaignId),
                        eq(STATUS, SignatureStatus.VERIFIED.name()), eq(COUNTS, true), eq(CONSENT, true),
                        exists(ERASED_AT, false)))
                .projection(Projections.exclude(PendingEvent.FIELD, COUNT_OPS)).batchSize(batchSize).cursor();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, 0), false)
                .map(SignatureCodec::fromDocument).onClose(cursor::close);
    }

    /** Every signature of the person with this normalised address, newest first. */
    public List<Signature> byEmailKey(String emailKey) {
        List<Signature> all = new ArrayList<>();
        signatures.find(eq(EMAIL_KEY, emailKey)).projection(WITHOUT_OUTBOX).sort(Sorts.descending(CREATED_AT))
                .batchSize(100).forEach(d -> all.add(SignatureCodec.fromDocument(d)));
        return all;
    }

    // --- purge ---

    /** Deletes the signatures never verified whose time ran out. A pending signature never counted. */
    public long purgePending(Instant now) {
        Bson expired = and(eq(STATUS, SignatureStatus.PENDING.name()), Filters.lt(PURGE_AT, Date.from(now)));
        long deleted = 0;
        for (Bson slice : IdSlices.each(expired)) {
            deleted += signatures.deleteMany(slice).getDeletedCount();
        }
        return deleted;
    }
}
