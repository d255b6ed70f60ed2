package org.pledgeworks.embeddedmongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries on an {@code _id} range, read batch by batch from the tuned backend, against the same
 * queries answered by mongo-java-server's in-memory backend, which reads the whole result first.
 */
class IdRangeCursorTest {

    @TempDir
    Path dir;

    private MongoServer tuned;
    private MongoServer reference;
    private MongoClient tunedClient;
    private MongoClient referenceClient;

    @BeforeEach
    void start() {
        tuned = new MongoServer(new TunedH2Backend(dir.resolve("range.mv.db").toString()));
        reference = new MongoServer(new MemoryBackend());
        tunedClient = MongoClients.create(LoopbackUri.of(tuned));
        referenceClient = MongoClients.create(LoopbackUri.of(reference));
        List<Document> subscriptions = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 1_500; i++) {
            String campaign = "c" + random.nextInt(3);
            String status = random.nextInt(10) == 0 ? "UNSUBSCRIBED" : "ACTIVE";
            subscriptions.add(new Document("_id", campaign + ":" + Integer.toHexString(random.nextInt()) + "-" + i)
                    .append("campaignId", campaign).append("status", status).append("n", i));
        }
        // keys that are not strings sort apart in H2; a string range must neither read nor stop at them
        subscriptions.add(new Document("_id", 42L).append("campaignId", "c1").append("status", "ACTIVE"));
        subscriptions.add(new Document("_id", new Document("c", "c1")).append("campaignId", "c1").append("status", "ACTIVE"));
        collection(tunedClient).insertMany(subscriptions);
        collection(referenceClient).insertMany(subscriptions);
    }

    @AfterEach
    void stop() {
        tunedClient.close();
        referenceClient.close();
        tuned.shutdownNow();
        reference.shutdownNow();
    }

    @Test
    void aCampaignsActiveSubscriptionsComeInIdOrderAcrossManyBatches() {
        Bson campaign = and(gt("_id", "c1:"), lt("_id", "c1;"), eq("status", "ACTIVE"));
        List<Document> read = all(collection(tunedClient).find(campaign).sort(Sorts.ascending("_id")).batchSize(7));

        assertThat(read).hasSizeGreaterThan(300)
                .isEqualTo(all(collection(referenceClient).find(campaign).sort(Sorts.ascending("_id"))))
                .allSatisfy(d -> assertThat(d.getString("_id")).startsWith("c1:"));
    }

    @Test
    void boundsLimitsAndAMissingSortAnswerAsTheReferenceDoes() {
        List<Bson> queries = List.of(
                and(gte("_id", "c0:8"), lte("_id", "c2:3")),
                gt("_id", "c2:"),
                lt("_id", "c0:4"),
                and(gt("_id", "c1:"), lt("_id", "c1;"), eq("n", 77)),
                and(gt("_id", "c9:"), lt("_id", "c9;")));
        for (Bson query : queries) {
            for (int limit : new int[] {0, 1, 5, 1_000}) {
                assertThat(all(collection(tunedClient).find(query).limit(limit).batchSize(4)))
                        .as("%s limit %d", query, limit)
                        .isEqualTo(all(collection(referenceClient).find(query).sort(Sorts.ascending("_id")).limit(limit)));
            }
        }
    }

    @Test
    void aRangeWithAProjectionOrASkipOrAsTheFilterOfAWriteAnswersAsTheReferenceDoes() {
        List<Bson> queries = List.of(
                and(gte("_id", "c0:8"), lt("_id", "c1:"), eq("status", "UNSUBSCRIBED")),
                and(gt("_id", "c2:"), eq("n", 1_499)),
                lt("_id", "c0:4"),
                and(gt("_id", "c9:"), lt("_id", "c9;")));
        for (Bson query : queries) {
            assertThat(all(collection(tunedClient).find(query).projection(Projections.include("n"))))
                    .as("projected %s", query)
                    .isEqualTo(all(collection(referenceClient).find(query).projection(Projections.include("n"))
                            .sort(Sorts.ascending("_id"))));
            assertThat(all(collection(tunedClient).find(query).skip(3).limit(20)))
                    .as("skipped %s", query)
                    .isEqualTo(all(collection(referenceClient).find(query).sort(Sorts.ascending("_id")).skip(3).limit(20)));
            assertThat(collection(tunedClient).countDocuments(query)).as("counted %s", query)
                    .isEqualTo(collection(referenceClient).countDocuments(query));
        }

        Bson slice = and(gte("_id", "c1:"), lt("_id", "c1:8"), eq("status", "ACTIVE"));
        assertThat(collection(tunedClient).updateMany(slice, Updates.set("seen", true)).getModifiedCount())
                .isEqualTo(collection(referenceClient).updateMany(slice, Updates.set("seen", true)).getModifiedCount())
                .isPositive();
        Bson unsubscribed = and(gte("_id", "c0:"), lt("_id", "c2:"), eq("status", "UNSUBSCRIBED"));
        assertThat(collection(tunedClient).deleteMany(unsubscribed).getDeletedCount())
                .isEqualTo(collection(referenceClient).deleteMany(unsubscribed).getDeletedCount())
                .isPositive();
        // the writes touched the range only: everything left, in and out of it, is the same on both
        assertThat(all(collection(tunedClient).find().sort(Sorts.ascending("_id"))))
                .isEqualTo(all(collection(referenceClient).find().sort(Sorts.ascending("_id"))));
    }

    @Test
    void eachBatchIsReadWhenAskedForSoWritesAheadOfTheCursorAreSeenAndOnesBehindAreNot() {
        MongoCollection<Document> subscriptions = collection(tunedClient);
        Bson campaign = and(gt("_id", "c1:"), lt("_id", "c1;"));
        List<String> before = new ArrayList<>();
        subscriptions.find(campaign).forEach(d -> before.add(d.getString("_id")));

        List<String> read = new ArrayList<>();
        try (MongoCursor<Document> cursor = subscriptions.find(campaign).sort(Sorts.ascending("_id")).batchSize(10).iterator()) {
            for (int i = 0; i < 10; i++) {
                read.add(cursor.next().getString("_id"));
            }
            subscriptions.insertOne(new Document("_id", "c1:~last").append("status", "ACTIVE"));
            subscriptions.insertOne(new Document("_id", "c1:!first").append("status", "ACTIVE"));
            subscriptions.deleteOne(eq("_id", before.get(before.size() - 1)));
            cursor.forEachRemaining(d -> read.add(d.getString("_id")));
        }

        List<String> expected = new ArrayList<>(before.subList(0, before.size() - 1));
        expected.add("c1:~last");
        assertThat(read).isEqualTo(expected);
    }

    private static List<Document> all(FindIterable<Document> found) {
        List<Document> documents = new ArrayList<>();
        found.forEach(documents::add);
        return documents;
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("pledgeworks-notifications").getCollection("subscriptions");
    }
}
