package org.pledgeworks.notification.delivery;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

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
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.stereotype.Repository;

/**
 * Every state change is one single-document write, conditional on the state it leaves, so that
 * concurrent senders and retriers (threads or instances) cannot both win.
 */
@Repository
class DeliveryRepository {

    static final String COLLECTION = "deliveries";

    private final MongoCollection<Document> deliveries;

    DeliveryRepository(MongoDatabase database) {
        this.deliveries = database.getCollection(COLLECTION);
        // For a real MongoDB (the embedded server ignores secondary indexes): the retrier's two queries.
        deliveries.createIndex(Indexes.ascending("status", "nextAttemptAt"));
        deliveries.createIndex(Indexes.ascending("status", "claimedAt"));
        deliveries.createIndex(Indexes.ascending("aggregateId"));
    }

    /** @return false when a delivery with this id exists: the event that asks for it was seen before */
    boolean insert(Delivery delivery, Instant now) {
        try {
            deliveries.insertOne(delivery.toNewDocument(now));
            return true;
        }
        catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The ids of queued deliveries that are due, oldest due first. */
    List<String> dueIds(Instant now, int limit) {
        List<String> ids = new ArrayList<>();
        deliveries.find(and(eq("status", DeliveryStatus.QUEUED.name()), lte("nextAttemptAt", Date.from(now))))
                .projection(Projections.include("_id"))
                .sort(Sorts.ascending("nextAttemptAt"))
                .limit(limit)
                .batchSize(limit)
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /** queued → sending, atomically; empty when someone else claimed it first or it is not due. */
    Optional<Delivery> claim(String id, String claim, Instant now) {
        Document claimed = deliveries.findOneAndUpdate(
                and(eq("_id", id), eq("status", DeliveryStatus.QUEUED.name()), lte("nextAttemptAt", Date.from(now))),
                combine(set("status", DeliveryStatus.SENDING.name()), set("claim", claim),
                        set("claimedAt", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(Delivery::fromDocument);
    }

    /** Gives a claimed delivery back to the queue without counting an attempt (no sender was free). */
    boolean release(Delivery claimed, Instant nextAttemptAt) {
        return updateClaimed(claimed, combine(set("status", DeliveryStatus.QUEUED.name()),
                set("nextAttemptAt", Date.from(nextAttemptAt)), unset("claim"), unset("claimedAt")));
    }

    /** The content is not needed any more: only the record that it was sent stays. */
    boolean markSent(Delivery claimed, Instant now) {
        return updateClaimed(claimed, combine(set("status", DeliveryStatus.SENT.name()), set("sentAt", Date.from(now)),
                inc("attempts", 1), unset("content"), unset("nextAttemptAt"), unset("claim"), unset("claimedAt")));
    }

    boolean markDeferred(Delivery claimed, Instant nextAttemptAt, String reason) {
        return updateClaimed(claimed, combine(set("status", DeliveryStatus.QUEUED.name()),
                set("nextAttemptAt", Date.from(nextAttemptAt)), set("lastError", reason), inc("attempts", 1),
                unset("claim"), unset("claimedAt")));
    }

    /** @param attempted whether this failure was an attempt at sending (not, e.g., an expiry) */
    boolean markFailed(Delivery claimed, Instant now, String reason, boolean attempted) {
        return updateClaimed(claimed, combine(set("status", DeliveryStatus.FAILED.name()),
                set("failedAt", Date.from(now)), set("lastError", reason), inc("attempts", attempted ? 1 : 0),
                unset("content"), unset("nextAttemptAt"), unset("claim"), unset("claimedAt")));
    }

    /** Claims older than {@code claimedBefore} belonged to a process that died mid-send. */
    long releaseStuck(Instant claimedBefore, Instant now) {
        return deliveries.updateMany(
                and(eq("status", DeliveryStatus.SENDING.name()), lt("claimedAt", Date.from(claimedBefore))),
                combine(set("status", DeliveryStatus.QUEUED.name()), set("nextAttemptAt", Date.from(now)),
                        unset("claim"), unset("claimedAt")))
                .getModifiedCount();
    }

    private boolean updateClaimed(Delivery claimed, Bson update) {
        return deliveries.updateOne(and(eq("_id", claimed.id()), eq("status", DeliveryStatus.SENDING.name()),
                eq("claim", claimed.claim())), update).getModifiedCount() == 1;
    }
}
