package org.pledgeworks.campaign.milestones;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Repository;

/**
 * The verified count of each campaign, and the state of each signature it has counted.
 *
 * <p>Idempotence has two layers. A signature's state document ({@code signature-states}) only moves
 * forward, (held →) verified → withdrawn, so a replay of the whole topic counts nothing twice. And
 * the count's document remembers the last event ids it applied, so the redelivery of an event whose
 * count was written but whose signature state was not (a crash between the two writes) does not
 * count it again either.
 */
@Repository
class Tally {

    static final String TALLIES = "tallies";
    static final String SIGNATURES = "signature-states";
    private static final int REMEMBERED_EVENTS = 1000;

    private final MongoCollection<Document> tallies;
    private final MongoCollection<Document> signatures;

    Tally(MongoDatabase database) {
        this.tallies = database.getCollection(TALLIES);
        this.signatures = database.getCollection(SIGNATURES);
    }

    Optional<String> signatureState(String signatureId) {
        return Optional.ofNullable(signatures.find(eq("_id", signatureId)).first()).map(d -> d.getString("state"));
    }

    void recordSignature(String signatureId, String campaignId, String state) {
        signatures.updateOne(eq("_id", signatureId),
                Updates.combine(Updates.set("state", state), Updates.set("campaignId", campaignId)),
                new UpdateOptions().upsert(true));
    }

    /** Adds {@code delta} unless this event was applied already; returns the count after. */
    long apply(String campaignId, String eventId, int delta) {
        tallies.updateOne(eq("_id", campaignId), Updates.combine(Updates.setOnInsert("verifiedCount", 0L),
                Updates.setOnInsert("reached", List.of())), new UpdateOptions().upsert(true));
        Document after = tallies.findOneAndUpdate(and(eq("_id", campaignId), ne("appliedEvents", eventId)),
                Updates.combine(Updates.inc("verifiedCount", (long) delta),
                        Updates.pushEach("appliedEvents", List.of(eventId), new PushOptions().slice(-REMEMBERED_EVENTS))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.include("verifiedCount")));
        return after != null ? number(after) : count(campaignId);
    }

    long count(String campaignId) {
        Document d = tallies.find(eq("_id", campaignId)).projection(Projections.include("verifiedCount")).first();
        return d == null ? 0 : number(d);
    }

    List<Long> reached(String campaignId) {
        Document d = tallies.find(eq("_id", campaignId)).projection(Projections.include("reached")).first();
        return d == null ? List.of()
                : d.getList("reached", Object.class, List.of()).stream().map(n -> ((Number) n).longValue()).toList();
    }

    /**
     * Marks {@code threshold} reached and records its event, in one conditional write: of any number
     * of instances and replays, exactly one write matches.
     */
    boolean markReached(String campaignId, long threshold, PendingEvent event) {
        return tallies.updateOne(and(eq("_id", campaignId), ne("reached", threshold)),
                Updates.combine(Updates.addToSet("reached", threshold), Updates.push("pendingEvents", event.toDocument())))
                .getModifiedCount() == 1;
    }

    private static long number(Document d) {
        return d.get("verifiedCount") instanceof Number n ? n.longValue() : 0;
    }
}
