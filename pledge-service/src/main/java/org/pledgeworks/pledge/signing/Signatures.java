package org.pledgeworks.pledge.signing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

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
import org.pledgeworks.pledge.outbox.PendingEvent;

import org.springframework.stereotype.Repository;

/**
 * The signatures collection. Every change is one single-document write that also carries the events
 * it causes, so state and events cannot part.
 */
@Repository
public class Signatures {

    public static final String COLLECTION = "signatures";

    private final MongoCollection<Document> signatures;

    Signatures(MongoDatabase database) {
        this.signatures = database.getCollection(COLLECTION);
        // the rule "one signature per person and campaign" lives in the database, not in a check-then-insert
        signatures.createIndex(Indexes.ascending("campaignId", "emailKey"), new IndexOptions().unique(true));
        signatures.createIndex(Indexes.ascending("campaignId", "status", "country"));
    }

    /** @return false when this person has signed this campaign already */
    boolean insert(Document signature, List<PendingEvent> events) {
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

    /**
     * Moves a pending signature to verified, with the event that announces it, in one write.
     *
     * @return the verified signature, or empty when it was not pending (already verified, withdrawn, gone)
     */
    public Optional<Document> verify(String signatureId, Instant at, PendingEvent event) {
        return Optional.ofNullable(signatures.findOneAndUpdate(
                and(eq("_id", signatureId), eq("status", SignatureStatus.PENDING.name())),
                Updates.combine(
                        Updates.set("status", SignatureStatus.VERIFIED.name()),
                        Updates.set("verifiedAt", Date.from(at)),
                        Updates.push("pendingEvents", event.toDocument())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /** The raw collection, for the counting feature's aggregations. */
    public MongoCollection<Document> collection() {
        return signatures;
    }
}
