package org.pledgeworks.pledge.signatures;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.kit.outbox.PendingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Repository;

/**
 * The signatures collection. Every change is one single-document write that also carries the events
 * it causes and the count op it makes, so state, events and counts cannot part. Changes are
 * optimistic: each write checks the {@code version} it read, and a lost race reads and decides again.
 */
@Repository
public class Signatures {

    public static final String COLLECTION = "signatures";
    private static final Logger log = LoggerFactory.getLogger(Signatures.class);

    private final MongoCollection<Document> signatures;

    Signatures(MongoDatabase database) {
        this.signatures = database.getCollection(COLLECTION);
        // the rule "one signature per person and campaign" lives in the database, not in a check-then-insert
        signatures.createIndex(Indexes.ascending("campaignId", "emailKey"), new IndexOptions().unique(true));
        signatures.createIndex(Indexes.ascending("campaignId", "status", "country"));
        // Redundant for real MongoDB (the _id index serves it), but the embedded server uses an index
        // only for a query with exactly its keys: this one makes the versioned write a lookup, not a scan.
        signatures.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
        signatures.createIndex(Indexes.ascending("emailKey"));
        signatures.createIndex(Indexes.ascending("campaignId", "review", "createdAt"));
        try {
            // real MongoDB expires never-verified signatures by itself; the embedded server ignores TTL
            // indexes, so the scheduled purge does the same work there
            signatures.createIndex(Indexes.ascending("purgeAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        }
        catch (RuntimeException e) {
            log.info("TTL index on signatures.purgeAt not created ({}); the scheduled purge removes them",
                    e.getClass().getSimpleName());
        }
    }

    /** @return false when this person has signed this campaign already */
    public boolean insert(Document signature, List<PendingEvent> events) {
        List<Document> pending = new ArrayList<>();
        events.forEach(e -> pending.add(e.toDocument()));
        try {
            signatures.insertOne(signature.append("pendingEvents", pending));
            return true;
        }
        catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Document> byId(String signatureId) {
        return Optional.ofNullable(signatures.find(eq("_id", signatureId)).first());
    }

    public Optional<Document> byCampaignAndEmail(String campaignId, String emailKey) {
        return Optional.ofNullable(signatures.find(new Document("campaignId", campaignId).append("emailKey", emailKey))
                .first());
    }

    /**
     * Reads the signature, asks {@code decide} what to change, and writes that change only if nobody
     * changed the signature in between; otherwise reads and decides again.
     *
     * @return the signature after the change, or empty when it is gone or {@code decide} changes nothing
     */
    public Optional<Document> change(String signatureId, Function<Document, Optional<Change>> decide) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<Document> found = byId(signatureId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Document current = found.get();
            Optional<Change> change = decide.apply(current);
            if (change.isEmpty()) {
                return Optional.empty();
            }
            Document after = signatures.findOneAndUpdate(sameVersion(signatureId, current),
                    change.get().update(), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (after != null) {
                return Optional.of(after);
            }
        }
        throw new IllegalStateException("signature " + signatureId + " changed under us 20 times");
    }

    /**
     * A flat filter document with {@code _id} at the top: the embedded server looks a document up by
     * its {@code _id} only then; under {@code $and} it scans the collection.
     */
    private static Bson sameVersion(String signatureId, Document current) {
        Integer version = current.getInteger("version");
        return new Document("_id", signatureId).append("version",
                version == null ? new Document("$exists", false) : version);
    }

    /** The raw collection, for the counting and privacy features' queries. */
    public MongoCollection<Document> collection() {
        return signatures;
    }

    /**
     * One change of a signature: its fields, the events it causes and the count op it makes, written
     * together.
     */
    public record Change(List<Bson> updates, List<PendingEvent> events, Optional<CountOp> countOp) {

        public Change(List<Bson> updates, List<PendingEvent> events) {
            this(updates, events, Optional.empty());
        }

        Bson update() {
            List<Bson> all = new ArrayList<>(updates);
            all.add(Updates.inc("version", 1));
            if (!events.isEmpty()) {
                all.add(Updates.pushEach("pendingEvents", events.stream().map(PendingEvent::toDocument).toList()));
            }
            countOp.ifPresent(op -> all.add(Updates.push("countOps", op.toDocument())));
            return Updates.combine(all);
        }
    }

}
