package org.pledgeworks.notification.bulk;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.pledgeworks.kit.mongo.Inserts;

import org.springframework.stereotype.Repository;

/**
 * Bulk messages ({@code messages}, {@code _id = <eventId>:<kind>}): what to say (template variables,
 * locale variants), to which campaign's subscribers, and how far the fan-out has come: status
 * FANNING_OUT → FANNED_OUT, {@code checkpoint} (the last subscription published), {@code published},
 * and the {@code owner} / {@code leaseUntil} of the instance running it.
 */
@Repository
class BulkMessages {

    static final String FANNING_OUT = "FANNING_OUT";
    static final String FANNED_OUT = "FANNED_OUT";

    private final MongoCollection<Document> messages;

    BulkMessages(MongoDatabase database) {
        this.messages = database.getCollection("messages");
        messages.createIndex(Indexes.ascending("status", "leaseUntil"));
        messages.createIndex(Indexes.ascending("campaignId", "createdAt"));
    }

    /** @return false when the message exists (a redelivered or replayed event) */
    boolean create(Document message) {
        return Inserts.insertIfAbsent(messages, message);
    }

    /** Takes a fan-out nobody holds (or whose holder's lease ran out), atomically. */
    Optional<Document> claimDue(String owner, Instant now, Instant leaseUntil) {
        return Optional.ofNullable(messages.findOneAndUpdate(
                and(eq("status", FANNING_OUT), or(eq("leaseUntil", null), lt("leaseUntil", Date.from(now)))),
                combine(set("owner", owner), set("leaseUntil", Date.from(leaseUntil))),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("createdAt")).returnDocument(ReturnDocument.AFTER)));
    }

    /** @return false when the lease was lost: someone else runs this fan-out now */
    boolean checkpoint(String id, String owner, String lastSubscriptionId, int published, Instant leaseUntil) {
        return messages.updateOne(and(eq("_id", id), eq("owner", owner)), combine(set("checkpoint", lastSubscriptionId),
                inc("published", published), set("leaseUntil", Date.from(leaseUntil)))).getModifiedCount() == 1;
    }

    boolean finish(String id, String owner, Instant now) {
        return messages.updateOne(and(eq("_id", id), eq("owner", owner)), combine(set("status", FANNED_OUT),
                set("finishedAt", Date.from(now)), unset("owner"), unset("leaseUntil"))).getModifiedCount() == 1;
    }

    Optional<Document> find(String id) {
        return Optional.ofNullable(messages.find(eq("_id", id)).first());
    }

    List<Document> findAll(Collection<String> ids) {
        List<Document> found = new ArrayList<>();
        messages.find(com.mongodb.client.model.Filters.in("_id", ids)).batchSize(Math.max(10, ids.size()))
                .forEach(found::add);
        return found;
    }

    List<Document> ofCampaign(String campaignId, int limit) {
        List<Document> found = new ArrayList<>();
        messages.find(eq("campaignId", campaignId)).sort(Sorts.descending("createdAt")).limit(limit).batchSize(limit)
                .forEach(found::add);
        return found;
    }
}
