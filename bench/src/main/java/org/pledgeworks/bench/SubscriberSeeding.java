package org.pledgeworks.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

/**
 * The fan-out's audience: subscribers of the demo campaign written straight into notification-service's
 * database, as its consent path writes them ({@code subscriptions} with {@code _id = <campaignId>:<recipientId>},
 * optionally {@code subscribers} and {@code consents}). Grows the list from what was seeded before.
 */
final class SubscriberSeeding {

    private static final String DATABASE = FanOutStep.DATABASE;

    private final String mongoUri;
    private final String campaignId;
    private long seeded;

    /** The demo campaign's subscribers, numbered from 0. */
    SubscriberSeeding(String mongoUri) {
        this(mongoUri, FanOutStep.CAMPAIGN_ID, 0);
    }

    /** {@code campaignId}'s subscribers, numbered from {@code firstNumber}: the soak gives each cycle its own. */
    SubscriberSeeding(String mongoUri, String campaignId, long firstNumber) {
        this.mongoUri = mongoUri;
        this.campaignId = campaignId;
        this.seeded = firstNumber;
    }

    /**
     * Adds subscribers {@code seeded .. total-1} to the campaign, 1,000 per insertMany. Only
     * {@code subscriptions} by default: the fan-out path reads nothing else (FanOut streams
     * subscriptions, the listener checks suppressions), and the embedded MongoDB server inserts a
     * few thousand documents a second at best, so three collections would triple the seeding time
     * of the million. {@code withPeople} adds the {@code subscribers} and {@code consents} documents.
     */
    ObjectNode seedTo(long total, boolean withPeople) throws Exception {
        ObjectNode node = RunReport.JSON.createObjectNode();
        Instant begin = Instant.now();
        long from = seeded;
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase db = client.getDatabase(DATABASE);
            MongoCollection<Document> subscribers = db.getCollection("subscribers");
            MongoCollection<Document> consents = db.getCollection("consents");
            MongoCollection<Document> subscriptions = db.getCollection("subscriptions");
            InsertManyOptions unordered = new InsertManyOptions().ordered(false);
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            Date now = new Date();
            for (long start = from; start < total; start += 1000) {
                long end = Math.min(total, start + 1000);
                List<Document> people = new ArrayList<>(1000);
                List<Document> given = new ArrayList<>(1000);
                List<Document> subs = new ArrayList<>(1000);
                for (long i = start; i < end; i++) {
                    String recipientId = HexFormat.of().formatHex(sha1.digest(("bench-subscriber-" + i)
                            .getBytes(StandardCharsets.UTF_8)));
                    String email = "s" + i + "@bench.pledgeworks.test";
                    String name = "Subscriber " + i;
                    String locale = i % 5 == 0 ? "fr" : "en";
                    String consentId = "bench-consent-" + i;
                    people.add(new Document("_id", recipientId).append("email", email).append("name", name)
                            .append("locale", locale).append("createdAt", now).append("updatedAt", now));
                    given.add(new Document("_id", consentId).append("recipientId", recipientId)
                            .append("campaignId", campaignId).append("purpose", "campaign-updates")
                            .append("wordingVersion", "1").append("wordingHash", "sha256:bench").append("givenAt", now)
                            .append("source", new Document("type", "pledge").append("id", "bench-signature-" + i))
                            .append("ipHash", null));
                    subs.add(new Document("_id", campaignId + ":" + recipientId).append("campaignId", campaignId)
                            .append("recipientId", recipientId).append("email", email).append("name", name)
                            .append("locale", locale).append("status", "ACTIVE").append("consentId", consentId)
                            .append("since", now));
                }
                if (withPeople) {
                    subscribers.insertMany(people, unordered);
                    consents.insertMany(given, unordered);
                }
                subscriptions.insertMany(subs, unordered);
                seeded = end;
            }
            node.put("activeSubscriptionsOfTheCampaign", countActive(subscriptions));
        }
        double seconds = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
        node.put("inserted", total - from);
        node.put("seconds", seconds);
        node.put("collections", withPeople ? "subscriptions, subscribers, consents" : "subscriptions");
        node.put("documentsPerSecond", seconds > 0 ? Math.round((withPeople ? 3 : 1) * (total - from) / seconds) : 0);
        return node;
    }

    /**
     * Counts by reading the campaign's _id range as the fan-out does: the embedded server reads
     * that in batches, while a countDocuments (an aggregation there) holds every match at once and
     * ran its 1 GiB heap out at a million.
     */
    private long countActive(MongoCollection<Document> subscriptions) {
        long active = 0;
        Document range = new Document("_id", new Document("$gt", campaignId + ":").append("$lt", campaignId + ";"))
                .append("status", "ACTIVE");
        try (MongoCursor<Document> cursor = subscriptions.find(range).sort(new Document("_id", 1)).batchSize(1000).iterator()) {
            while (cursor.hasNext()) {
                cursor.next();
                active++;
            }
        }
        return active;
    }
}
