package org.pledgeworks.notification.subscribers;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.notification.system.NotificationServiceProperties;

import org.springframework.stereotype.Component;

/**
 * Subscribers ({@code subscribers}, {@code _id} = recipient id: email, name, locale), their
 * subscriptions ({@code subscriptions}, {@code _id = <campaignId>:<recipientId>}, with the address
 * copied in so a fan-out streams one collection) and consent records ({@code consents}). Each write is
 * one single-document upsert; replays land on the same ids.
 */
@Component
public class Subscriptions {

    public static final String ACTIVE = "ACTIVE";
    public static final String UNSUBSCRIBED = "UNSUBSCRIBED";
    /** The consent source of a double opt-in ("follow this campaign"). */
    public static final String FOLLOW = "follow";

    /** One subscription, as a fan-out reads it. */
    public record Subscription(String id, String campaignId, String recipientId, String email, String name,
            String locale, String status) {
    }

    /**
     * @param consentId   deterministic: the event that carried the consent (a replay writes the same record)
     * @param sourceType  {@code pledge} or {@code follow}
     * @param sourceId    the signature id or the follow request id
     * @param ipHash      as the source hashed it; null when not known
     */
    public record NewConsent(String consentId, String email, String name, String locale, String campaignId,
            String sourceType, String sourceId, String ipHash, Instant givenAt) {
    }

    private final MongoCollection<Document> subscribers;
    private final MongoCollection<Document> subscriptions;
    private final MongoCollection<Document> consents;
    private final RecipientKeys keys;
    private final SuppressionList suppressions;
    private final Clock clock;
    private final NotificationServiceProperties.Consent consent;
    private final String wordingHash;

    Subscriptions(MongoDatabase database, RecipientKeys keys, SuppressionList suppressions, Clock clock,
            NotificationServiceProperties properties) {
        this.subscribers = database.getCollection("subscribers");
        this.subscriptions = database.getCollection("subscriptions");
        this.consents = database.getCollection("consents");
        // for a real MongoDB: fan-out streams by campaign in _id order; erasure finds by person
        subscriptions.createIndex(Indexes.ascending("campaignId", "status", "_id"));
        subscriptions.createIndex(Indexes.ascending("recipientId"));
        consents.createIndex(Indexes.ascending("recipientId"));
        consents.createIndex(Indexes.ascending("campaignId", "givenAt"));
        this.keys = keys;
        this.suppressions = suppressions;
        this.clock = clock;
        this.consent = properties.consent();
        this.wordingHash = sha256(consent.wording());
    }

    /**
     * Records consent and subscribes. A consent older than a suppression of this person for this
     * campaign (a replayed event after an unsubscribe or an erasure) changes nothing. A consent given by
     * double opt-in ({@link #FOLLOW}) is newer than any suppression by construction and is the one way
     * back for a person who unsubscribed from everything: it lifts their "unsubscribed" entries (this
     * campaign's and the global one) and the consent record names what it lifted. Hard bounces,
     * complaints and provider rejections are never lifted: those addresses stay suppressed.
     *
     * @return whether the person is now subscribed
     */
    public boolean consent(NewConsent given) {
        String recipientId = keys.idOf(given.email());
        List<Document> entries = suppressions.entriesOf(recipientId);
        if (olderThanSuppression(entries, given.campaignId(), given.givenAt())) {
            return false;
        }
        List<Document> lifted = new ArrayList<>();
        if (FOLLOW.equals(given.sourceType())) {
            for (Document entry : entries) {
                String scope = entry.getString("scope");
                if ((scope.equals(SuppressionList.EVERYTHING) || scope.equals(given.campaignId()))
                        && SuppressionList.Reason.UNSUBSCRIBED.name().equals(entry.getString("reason"))) {
                    lifted.add(new Document("scope", scope).append("reason", entry.getString("reason"))
                            .append("since", entry.getDate("since")));
                }
            }
        }
        Date now = Date.from(clock.instant());
        subscribers.updateOne(eq("_id", recipientId), new Document("$set", new Document("email", given.email())
                .append("name", given.name()).append("locale", given.locale()).append("updatedAt", now))
                .append("$setOnInsert", new Document("createdAt", now)), new UpdateOptions().upsert(true));
        Document record = new Document("recipientId", recipientId)
                .append("campaignId", given.campaignId())
                .append("purpose", consent.purpose())
                .append("wordingVersion", consent.wordingVersion())
                .append("wordingHash", wordingHash)
                .append("givenAt", Date.from(given.givenAt()))
                .append("source", new Document("type", given.sourceType()).append("id", given.sourceId()))
                .append("ipHash", given.ipHash());
        if (!lifted.isEmpty()) {
            record.append("liftedSuppressions", lifted);
        }
        consents.updateOne(eq("_id", given.consentId()), new Document("$setOnInsert", record),
                new UpdateOptions().upsert(true));
        subscriptions.updateOne(eq("_id", subscriptionId(given.campaignId(), recipientId)),
                new Document("$set", new Document("campaignId", given.campaignId()).append("recipientId", recipientId)
                        .append("email", given.email()).append("name", given.name()).append("locale", given.locale())
                        .append("status", ACTIVE).append("consentId", given.consentId()).append("since", now)),
                new UpdateOptions().upsert(true));
        suppressions.lift(recipientId, given.campaignId());
        if (!lifted.isEmpty()) {
            suppressions.liftUnsubscribed(recipientId, SuppressionList.EVERYTHING);
        }
        return true;
    }

    private static boolean olderThanSuppression(List<Document> entries, String campaignId, Instant givenAt) {
        for (Document entry : entries) {
            String scope = entry.getString("scope");
            if ((scope.equals(SuppressionList.EVERYTHING) || scope.equals(campaignId))
                    && !givenAt.isAfter(entry.getDate("since").toInstant())) {
                return true;
            }
        }
        return false;
    }

    /** Whether this address may not be mailed at all for a reason the person cannot take back (bounce, complaint). */
    public boolean isUndeliverable(String email) {
        String recipientId = keys.idOf(email);
        for (Document entry : suppressions.entriesOf(recipientId)) {
            String reason = entry.getString("reason");
            if (SuppressionList.EVERYTHING.equals(entry.getString("scope"))
                    && (SuppressionList.Reason.HARD_BOUNCE.name().equals(reason)
                            || SuppressionList.Reason.COMPLAINED.name().equals(reason)
                            || SuppressionList.Reason.REJECTED.name().equals(reason))) {
                return true;
            }
        }
        return false;
    }

    /** Whether this person has an active subscription to this campaign. */
    public boolean isSubscribed(String email, String campaignId) {
        Document found = subscriptions.find(eq("_id", subscriptionId(campaignId, keys.idOf(email)))).first();
        return found != null && ACTIVE.equals(found.getString("status"));
    }

    /** Unsubscribes from one campaign, or from everything when {@code campaignId} is null. Idempotent. */
    public void unsubscribe(String recipientId, String campaignId) {
        Bson which = campaignId == null ? eq("recipientId", recipientId)
                : eq("_id", subscriptionId(campaignId, recipientId));
        Date now = Date.from(clock.instant());
        subscriptions.updateMany(which, new Document("$set", new Document("status", UNSUBSCRIBED)
                .append("unsubscribedAt", now)));
        // the proof shows when consent ended; the first withdrawal stays
        Document withdrawn = new Document("recipientId", recipientId).append("withdrawnAt", null);
        if (campaignId != null) {
            withdrawn.append("campaignId", campaignId);
        }
        consents.updateMany(withdrawn, new Document("$set", new Document("withdrawnAt", now)));
        suppressions.suppress(recipientId, campaignId == null ? SuppressionList.EVERYTHING : campaignId,
                SuppressionList.Reason.UNSUBSCRIBED);
    }

    /**
     * Streams the active subscriptions of a campaign in {@code _id} order, after {@code after} (a
     * checkpoint; null from the start), {@code batchSize} documents per round trip, handing each batch
     * to {@code batches}. Memory holds one batch, whatever the list's size.
     */
    public void streamActive(String campaignId, String after, int batchSize, Consumer<List<Subscription>> batches) {
        String from = after == null ? campaignId + ":" : after;
        // _id = <campaignId>:<recipientId>; ';' sorts right after ':', so this is the campaign's range
        Bson range = and(gt("_id", from), lt("_id", campaignId + ";"), eq("status", ACTIVE));
        List<Subscription> batch = new ArrayList<>(batchSize);
        try (MongoCursor<Document> cursor = subscriptions.find(range).sort(Sorts.ascending("_id"))
                .batchSize(batchSize).iterator()) {
            while (cursor.hasNext()) {
                Document d = cursor.next();
                batch.add(new Subscription(d.getString("_id"), d.getString("campaignId"), d.getString("recipientId"),
                        d.getString("email"), d.getString("name"), d.getString("locale"), d.getString("status")));
                if (batch.size() == batchSize) {
                    batches.accept(batch);
                    batch = new ArrayList<>(batchSize);
                }
            }
        }
        if (!batch.isEmpty()) {
            batches.accept(batch);
        }
    }

    public List<Subscription> ofRecipient(String recipientId) {
        List<Subscription> found = new ArrayList<>();
        subscriptions.find(eq("recipientId", recipientId)).batchSize(100).forEach(d -> found.add(new Subscription(
                d.getString("_id"), d.getString("campaignId"), d.getString("recipientId"), d.getString("email"),
                d.getString("name"), d.getString("locale"), d.getString("status"))));
        return found;
    }

    public Optional<Document> subscriber(String recipientId) {
        return Optional.ofNullable(subscribers.find(eq("_id", recipientId)).first());
    }

    /** The consent records of a person: proof of what they agreed to, when, and from where. */
    public List<Document> consentsOf(String recipientId) {
        List<Document> found = new ArrayList<>();
        consents.find(eq("recipientId", recipientId)).batchSize(100).forEach(found::add);
        return found;
    }

    /** A campaign's consent records, oldest first (staff export: proof of consent). */
    public void consentsOfCampaign(String campaignId, Consumer<Document> each) {
        consents.find(eq("campaignId", campaignId)).sort(Sorts.ascending("givenAt")).batchSize(500).forEach(each);
    }

    /** The subscribers with these ids (one query by {@code _id}). */
    public java.util.Map<String, Document> subscribers(java.util.Collection<String> recipientIds) {
        java.util.Map<String, Document> found = new java.util.HashMap<>();
        subscribers.find(com.mongodb.client.model.Filters.in("_id", recipientIds)).batchSize(Math.max(100, recipientIds.size()))
                .forEach(d -> found.put(d.getString("_id"), d));
        return found;
    }

    /** Erasure: everything about the person goes; the suppression list keeps their keyed hash. */
    public String erase(String email) {
        String recipientId = keys.idOf(email);
        subscriptions.deleteMany(eq("recipientId", recipientId));
        consents.deleteMany(eq("recipientId", recipientId));
        subscribers.deleteOne(eq("_id", recipientId));
        suppressions.replace(recipientId, SuppressionList.EVERYTHING, SuppressionList.Reason.ERASED);
        return recipientId;
    }

    public String recipientIdOf(String email) {
        return keys.idOf(email);
    }

    public String wordingHash() {
        return wordingHash;
    }

    static String subscriptionId(String campaignId, String recipientId) {
        return campaignId + ":" + recipientId;
    }

    private static String sha256(String value) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
