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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.kit.mongo.Inserts;

import org.springframework.stereotype.Repository;

/**
 * Every state change is one single-document write, conditional on the state it leaves, so that
 * concurrent senders and retriers (threads or instances) cannot both win.
 */
@Repository
class DeliveryRepository {

    static final String COLLECTION = "deliveries";

    private static final int INDEX_NOT_FOUND = 27;

    /**
     * Dropped where a database still has them: the queue indexes from before they were sparse, and the
     * compare-and-set keys ({@code _id} with the state a write expects) the embedded server needed to find a
     * delivery by such a filter until it learned to use {@code _id} for it; MongoDB never did. Each was one
     * more index every insert and every change of state had to maintain.
     */
    private static final Set<String> REPLACED_INDEXES = Set.of("status_1_nextAttemptAt_1", "status_1_claimedAt_1",
            "cas_claim", "cas_due");

    private final MongoCollection<Document> deliveries;

    DeliveryRepository(MongoDatabase database) {
        this.deliveries = database.getCollection(COLLECTION);
        // The retrier's two queries, every few seconds. Sparse on fields only a queued or sending delivery
        // has, so they hold the live queue rather than every delivery ever sent, and the embedded server
        // (which builds no other non-unique index) uses them too instead of scanning the history.
        dropReplacedIndexes();
        deliveries.createIndex(Indexes.ascending("nextAttemptAt"), new IndexOptions().sparse(true).name("queue_due"));
        deliveries.createIndex(Indexes.ascending("claimedAt"), new IndexOptions().sparse(true).name("queue_claimed"));
        deliveries.createIndex(Indexes.ascending("aggregateId"));
        deliveries.createIndex(Indexes.ascending("recipientId"));
        deliveries.createIndex(Indexes.ascending("messageRef", "status"));
    }

    private void dropReplacedIndexes() {
        for (Document index : deliveries.listIndexes()) {
            String name = index.getString("name");
            if (REPLACED_INDEXES.contains(name)) {
                try {
                    deliveries.dropIndex(name);
                }
                catch (MongoCommandException e) {
                    // another instance starting beside this one dropped it first
                    if (e.getErrorCode() != INDEX_NOT_FOUND) {
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * Inserts many at once (unordered, one round trip). A delivery whose id exists already (a replayed
     * record, or another instance got there first) is left out of what this returns.
     *
     * @return the deliveries that are new, so now this caller's to send
     */
    List<Delivery> insertNew(List<Delivery> batch, Instant now) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<Document> documents = new ArrayList<>(batch.size());
        for (Delivery delivery : batch) {
            documents.add(delivery.toNewDocument(now));
        }
        try {
            deliveries.insertMany(documents, new InsertManyOptions().ordered(false));
            return batch;
        }
        catch (MongoBulkWriteException e) {
            Set<Integer> taken = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                taken.add(error.getIndex());
            }
            List<Delivery> fresh = new ArrayList<>(batch.size() - taken.size());
            for (int i = 0; i < batch.size(); i++) {
                if (!taken.contains(i)) {
                    fresh.add(batch.get(i));
                }
            }
            return fresh;
        }
    }

    /** Marks many sent in one round trip; each write still checks its own claim. */
    int markAllSent(List<Delivery> claimed, Instant now) {
        if (claimed.isEmpty()) {
            return 0;
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>(claimed.size());
        for (Delivery delivery : claimed) {
            writes.add(new UpdateOneModel<>(claimedBy(delivery), sentUpdate(now)));
        }
        return deliveries.bulkWrite(writes, new BulkWriteOptions().ordered(false)).getModifiedCount();
    }

    /**
     * Renews the claims of a batch about to be sent, so that the sending timeout counts from the send and
     * not from the claim: a delivery that waited its turn in a sender's queue is not taken for a dead
     * sender's. Returns the deliveries whose claim still held; any other was released meanwhile and is
     * someone else's to send now.
     */
    List<Delivery> renewClaims(List<Delivery> claimed, Instant now) {
        if (claimed.isEmpty()) {
            return claimed;
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>(claimed.size());
        for (Delivery delivery : claimed) {
            writes.add(new UpdateOneModel<>(claimedBy(delivery), set("claimedAt", Date.from(now))));
        }
        if (deliveries.bulkWrite(writes, new BulkWriteOptions().ordered(false)).getMatchedCount() == claimed.size()) {
            return claimed;
        }
        Set<String> held = new HashSet<>();
        for (Delivery delivery : claimed) {
            if (deliveries.countDocuments(claimedBy(delivery)) == 1) {
                held.add(delivery.id());
            }
        }
        return claimed.stream().filter(d -> held.contains(d.id())).toList();
    }

    /** @return false when a delivery with this id exists: the event that asks for it was seen before */
    boolean insert(Delivery delivery, Instant now) {
        return Inserts.insertIfAbsent(deliveries, delivery.toNewDocument(now));
    }

    /** A queued delivery found due, with the due time it had then (what {@link #claim} compares). */
    record Due(String id, Date nextAttemptAt) {
    }

    /** The queued deliveries that are due, oldest due first. */
    List<Due> due(Instant now, int limit) {
        List<Due> due = new ArrayList<>();
        deliveries.find(and(eq("status", DeliveryStatus.QUEUED.name()), lte("nextAttemptAt", Date.from(now))))
                .projection(Projections.include("_id", "nextAttemptAt"))
                .sort(Sorts.ascending("nextAttemptAt"))
                .limit(limit)
                .batchSize(limit)
                .forEach(d -> due.add(new Due(d.getString("_id"), d.getDate("nextAttemptAt"))));
        return due;
    }

    /**
     * queued → sending, atomically; empty when someone else claimed it first. Compares the due time read
     * by {@link #due}: any write since (a claim, a deferral) changes status or due time, so the claim fails.
     */
    Optional<Delivery> claim(Due due, String claim, Instant now) {
        Document claimed = deliveries.findOneAndUpdate(
                new Document("_id", due.id()).append("status", DeliveryStatus.QUEUED.name())
                        .append("nextAttemptAt", due.nextAttemptAt()),
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

    /** Gives many claimed deliveries back at once (shutdown): one write. */
    long releaseAll(List<Delivery> claimed, Instant now) {
        List<String> ids = new ArrayList<>(claimed.size());
        claimed.forEach(d -> ids.add(d.id()));
        return deliveries.updateMany(and(com.mongodb.client.model.Filters.in("_id", ids),
                eq("status", DeliveryStatus.SENDING.name())), combine(set("status", DeliveryStatus.QUEUED.name()),
                set("nextAttemptAt", Date.from(now)), unset("claim"), unset("claimedAt"))).getModifiedCount();
    }

    /** The content (or what renders it again) is not needed any more: only the record that it was sent stays. */
    boolean markSent(Delivery claimed, Instant now) {
        return updateClaimed(claimed, sentUpdate(now));
    }

    private static Bson sentUpdate(Instant now) {
        return combine(set("status", DeliveryStatus.SENT.name()), set("sentAt", Date.from(now)),
                inc("attempts", 1), withoutContent(), unset("nextAttemptAt"), unset("claim"), unset("claimedAt"));
    }

    /** The mail, or what renders it again: not needed once a delivery is sent or has failed for good. */
    private static Bson withoutContent() {
        return combine(unset("content"), unset("name"), unset("locale"));
    }

    /** Not an attempt: the provider asked us to wait (429, circuit open); back to the queue until then. */
    boolean markPostponed(Delivery claimed, Instant nextAttemptAt, String reason) {
        return updateClaimed(claimed, combine(set("status", DeliveryStatus.QUEUED.name()),
                set("nextAttemptAt", Date.from(nextAttemptAt)), set("lastError", reason), inc("postponements", 1),
                unset("claim"), unset("claimedAt")));
    }

    Optional<String> messageRefOf(String id) {
        Document d = deliveries.find(eq("_id", id)).projection(Projections.include("messageRef")).first();
        return Optional.ofNullable(d).map(x -> x.getString("messageRef"));
    }

    /** Erasure: the deliveries to this recipient lose their address, name and content (the record that one was sent stays). */
    long forgetRecipient(String recipientId, List<String> aggregateIds) {
        Bson who = aggregateIds.isEmpty() ? eq("recipientId", recipientId)
                : com.mongodb.client.model.Filters.or(eq("recipientId", recipientId),
                        com.mongodb.client.model.Filters.in("aggregateId", aggregateIds));
        return deliveries.updateMany(who, combine(unset("to"), unset("name"), unset("content"), set("erased", true)))
                .getModifiedCount();
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
                withoutContent(), unset("nextAttemptAt"), unset("claim"), unset("claimedAt")));
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
        return deliveries.updateOne(claimedBy(claimed), update).getModifiedCount() == 1;
    }

    /**
     * Flat (Filters.and would render as $and): MongoDB and the embedded server alike find the delivery by its
     * {@code _id}, and the state decides whether the write applies.
     */
    private static Document claimedBy(Delivery claimed) {
        return new Document("_id", claimed.id()).append("status", DeliveryStatus.SENDING.name())
                .append("claim", claimed.claim());
    }
}
