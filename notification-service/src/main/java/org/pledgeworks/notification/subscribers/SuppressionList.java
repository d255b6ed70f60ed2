package org.pledgeworks.notification.subscribers;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import org.springframework.stereotype.Component;

/**
 * Who bulk mail must never reach: one document per (person, scope), {@code _id = <recipientId>:<scope>},
 * scope a campaign id or {@code *} for everything. Only the keyed hash of the address is kept, so an
 * entry survives erasure without keeping the person. Checked by {@code _id} when mail is sent.
 */
@Component
public class SuppressionList {

    public static final String EVERYTHING = "*";

    public enum Reason {
        /** The person unsubscribed (one campaign or all). */
        UNSUBSCRIBED,
        /** The provider reported a hard bounce. */
        HARD_BOUNCE,
        /** The person marked a mail as spam. */
        COMPLAINED,
        /** The provider rejected the address for good (inactive, invalid). */
        REJECTED,
        /** The person asked to be forgotten. */
        ERASED
    }

    private final MongoCollection<Document> suppressions;
    private final RecipientKeys keys;
    private final Clock clock;

    SuppressionList(MongoDatabase database, RecipientKeys keys, Clock clock) {
        this.suppressions = database.getCollection("suppressions");
        this.suppressions.createIndex(Indexes.ascending("recipientId"));
        this.keys = keys;
        this.clock = clock;
    }

    public void suppressEverything(String email, Reason reason) {
        suppress(keys.idOf(email), EVERYTHING, reason);
    }

    /** Idempotent: the first reason and time stay. */
    public void suppress(String recipientId, String scope, Reason reason) {
        Instant now = clock.instant();
        suppressions.updateOne(eq("_id", id(recipientId, scope)),
                new Document("$setOnInsert", new Document("recipientId", recipientId).append("scope", scope)
                        .append("reason", reason.name()).append("since", Date.from(now))),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    /** Replaces whatever stood there: erasure must win over an older reason. */
    void replace(String recipientId, String scope, Reason reason) {
        suppressions.replaceOne(eq("_id", id(recipientId, scope)),
                new Document("_id", id(recipientId, scope)).append("recipientId", recipientId).append("scope", scope)
                        .append("reason", reason.name()).append("since", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
    }

    /** Lifts a suppression (a new, explicit consent); only the reasons a person can take back. */
    void lift(String recipientId, String scope) {
        suppressions.deleteOne(new Document("_id", id(recipientId, scope))
                .append("reason", new Document("$in", List.of(Reason.UNSUBSCRIBED.name(), Reason.ERASED.name()))));
        // an erasure is not an objection: a person who comes back and consents anew may be written to
        suppressions.deleteOne(new Document("_id", id(recipientId, EVERYTHING)).append("reason", Reason.ERASED.name()));
    }

    /** Lifts an "unsubscribed" entry only: the person confirmed a new subscription by double opt-in. */
    void liftUnsubscribed(String recipientId, String scope) {
        suppressions.deleteOne(new Document("_id", id(recipientId, scope)).append("reason", Reason.UNSUBSCRIBED.name()));
    }

    /** Of these people, those who must get no mail about this campaign. One query by {@code _id}. */
    public Set<String> suppressedAmong(Collection<String> recipientIds, String campaignId) {
        List<String> ids = new ArrayList<>(recipientIds.size() * 2);
        for (String recipientId : recipientIds) {
            ids.add(id(recipientId, EVERYTHING));
            ids.add(id(recipientId, campaignId));
        }
        Set<String> suppressed = new HashSet<>();
        suppressions.find(in("_id", ids)).batchSize(Math.max(100, ids.size()))
                .forEach(d -> suppressed.add(d.getString("recipientId")));
        return suppressed;
    }

    public boolean isSuppressed(String recipientId, String campaignId) {
        return !suppressedAmong(List.of(recipientId), campaignId).isEmpty();
    }

    /** Every entry about this person (for the preference page). */
    public List<Document> entriesOf(String recipientId) {
        List<Document> entries = new ArrayList<>();
        suppressions.find(eq("recipientId", recipientId)).batchSize(100).forEach(entries::add);
        return entries;
    }

    private static String id(String recipientId, String scope) {
        return recipientId + ":" + scope;
    }
}
