package org.pledgeworks.embeddedmongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunedH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void aFileWrittenByTheStockBackendKeepsItsDataAndGetsItsUniqueIndexesRebuilt() {
        String file = dir.resolve("old.mv.db").toString();
        MongoServer stock = new MongoServer(new H2Backend(file));
        try (MongoClient client = MongoClients.create(LoopbackUri.of(stock))) {
            MongoCollection<Document> signatures = signatures(client);
            signatures.createIndex(Indexes.ascending("campaignId", "emailKey"), new IndexOptions().unique(true));
            signatures.insertMany(IntStream.range(0, 500)
                    .mapToObj(i -> new Document("_id", "s-" + i).append("campaignId", "c-" + (i % 3)).append("emailKey", "k-" + i))
                    .toList());
        } finally {
            stock.shutdownNow();
        }

        TunedH2Backend backend = new TunedH2Backend(file);
        MongoServer tuned = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(LoopbackUri.of(tuned))) {
            MongoCollection<Document> signatures = signatures(client);
            // the background writer compacts at any moment; a removed map must not break it
            backend.getMvStore().commit();
            backend.getMvStore().compact(100, 64 << 20);

            assertThat(signatures.countDocuments()).isEqualTo(500);
            for (int i = 0; i < 500; i += 7) {
                assertThat(signatures.find(new Document("_id", "s-" + i)).first()).containsEntry("emailKey", "k-" + i);
                assertThat(signatures.find(new Document("campaignId", "c-" + (i % 3)).append("emailKey", "k-" + i)).first())
                        .containsEntry("_id", "s-" + i);
            }
            assertDuplicate(() -> signatures.insertOne(new Document("_id", "s-42").append("campaignId", "x").append("emailKey", "y")));
            assertDuplicate(() -> signatures.insertOne(new Document("_id", "new").append("campaignId", "c-0").append("emailKey", "k-42")));
            assertThat(backend.getMvStore().getMapNames()).noneMatch(name -> name.contains("._index_"));
        } finally {
            tuned.shutdownNow();
        }
    }

    @Test
    void keysOfMixedTypesAreEachFoundAndDuplicatesAreRefusedAsMongoDbDoes() {
        TunedH2Backend backend = new TunedH2Backend(dir.resolve("mixed.mv.db").toString());
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(LoopbackUri.of(server))) {
            MongoCollection<Document> things = client.getDatabase("test").getCollection("things");
            things.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            List<Object> keys = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                keys.add("id-" + i);
                keys.add(1_000L + i);
                keys.add(new ObjectId());
                keys.add(new Document("campaign", "c-" + i).append("n", i));
            }
            keys.add(2.5);
            keys.add(true);
            Collections.shuffle(keys, new Random(7));
            // the mixed values go into a unique index, not _id: H2's own map of the documents (stock,
            // not ours) cannot order an ObjectId against a document, whichever index is on top
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                documents.add(new Document("_id", "t-" + i).append("key", keys.get(i)).append("text", String.valueOf(keys.get(i))));
            }
            things.insertMany(documents);

            for (Object key : keys) {
                assertThat(things.find(new Document("key", key)).first()).as("key %s", key)
                        .containsEntry("text", String.valueOf(key));
            }
            // MongoDB compares numbers by value: 1,000 as an int or a double is the same key as the long
            assertDuplicate(() -> things.insertOne(new Document("_id", "int").append("key", 1_000)));
            assertDuplicate(() -> things.insertOne(new Document("_id", "double").append("key", 1_000.0)));
            assertThat(things.countDocuments()).isEqualTo(keys.size());
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aDroppedCollectionLeavesNoIndexEntriesBehind() {
        String file = dir.resolve("drop.mv.db").toString();
        TunedH2Backend backend = new TunedH2Backend(file);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(LoopbackUri.of(server))) {
            MongoCollection<Document> signatures = signatures(client);
            signatures.createIndex(Indexes.ascending("emailKey"), new IndexOptions().unique(true));
            signatures.insertOne(new Document("_id", "s-1").append("emailKey", "k-1"));
            signatures.drop();

            signatures.createIndex(Indexes.ascending("emailKey"), new IndexOptions().unique(true));
            signatures.insertOne(new Document("_id", "s-1").append("emailKey", "k-1"));
            assertThat(signatures.countDocuments()).isOne();
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * H2's background writer serializes stored documents while the server goes on: an update must
     * store a new object, not change the one H2 holds (which it did, and a fan-out's writer failed
     * on it and closed the store). Through an index and through a scan.
     */
    @Test
    void anUpdateStoresANewDocumentAndLeavesTheStoredObjectAsItWas() {
        TunedH2Backend backend = new TunedH2Backend(dir.resolve("update.mv.db").toString());
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(LoopbackUri.of(server))) {
            MongoCollection<Document> signatures = signatures(client);
            signatures.createIndex(Indexes.ascending("emailKey"), new IndexOptions().unique(true));
            signatures.insertOne(new Document("_id", "s-1").append("emailKey", "k-1").append("status", "new"));
            org.h2.mvstore.MVMap<Object, de.bwaldvogel.mongo.bson.Document> stored =
                    backend.getMvStore().openMap("databases.pledgeworks-pledges.signatures");
            de.bwaldvogel.mongo.bson.Document before = stored.get("s-1");
            de.bwaldvogel.mongo.bson.Document asItWas = before.cloneDeeply();

            signatures.updateOne(new Document("emailKey", "k-1"), new Document("$set", new Document("status", "verified")));
            assertThat(before).isEqualTo(asItWas);
            de.bwaldvogel.mongo.bson.Document afterIndexed = stored.get("s-1");
            assertThat(afterIndexed.get("status")).isEqualTo("verified");

            signatures.updateMany(new Document("status", "verified"), new Document("$unset", new Document("status", "")));
            assertThat(afterIndexed.get("status")).isEqualTo("verified");
            assertThat(stored.get("s-1")).doesNotContainKey("status");
            assertThat(signatures.find(new Document("_id", "s-1")).first()).doesNotContainKey("status");
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * A compare-and-set write names its document by {@code _id} and the state it expects; the server
     * reads it through the {@code _id} index ({@link IdEquality}) and the whole filter still decides.
     */
    @Test
    void aFilterOnIdAndStateMatchesOnlyWhenTheStateDoes() {
        MongoServer server = new MongoServer(new TunedH2Backend(dir.resolve("cas.mv.db").toString()));
        try (MongoClient client = MongoClients.create(LoopbackUri.of(server))) {
            MongoCollection<Document> deliveries = client.getDatabase("test").getCollection("deliveries");
            deliveries.insertMany(IntStream.range(0, 200).mapToObj(i -> new Document("_id", "d-" + i)
                    .append("status", "SENDING").append("claim", "c-" + (i % 2))).toList());
            deliveries.insertOne(new Document("_id", 7L).append("status", "QUEUED"));

            assertThat(deliveries.find(new Document("_id", "d-3").append("status", "SENDING")).first())
                    .containsEntry("claim", "c-1");
            assertThat(deliveries.find(new Document("_id", "d-3").append("status", "SENT")).first()).isNull();
            assertThat(deliveries.find(new Document("_id", "d-3").append("claim", "c-0")).first()).isNull();
            assertThat(deliveries.find(new Document("status", "QUEUED").append("_id", 7)).first()).isNotNull();

            Document sent = new Document("$set", new Document("status", "SENT")).append("$unset", new Document("claim", ""));
            assertThat(deliveries.updateOne(new Document("_id", "d-4").append("status", "SENDING").append("claim", "c-1"),
                    sent).getModifiedCount()).isZero(); // d-4 is c-0's
            assertThat(deliveries.updateOne(new Document("_id", "d-4").append("status", "SENDING").append("claim", "c-0"),
                    sent).getModifiedCount()).isOne();
            assertThat(deliveries.updateOne(new Document("_id", "d-4").append("status", "SENDING").append("claim", "c-0"),
                    sent).getModifiedCount()).isZero(); // the state it expects is gone
            assertThat(deliveries.countDocuments(new Document("status", "SENT"))).isOne();
            assertThat(deliveries.updateOne(Filters.and(Filters.eq("_id", "d-6"), Filters.eq("claim", "c-1")), sent)
                    .getModifiedCount()).isZero();
            assertThat(deliveries.updateOne(Filters.and(Filters.eq("_id", "d-6"), Filters.eq("claim", "c-0")), sent)
                    .getModifiedCount()).isOne();
            assertThat(deliveries.countDocuments(new Document("status", "SENT"))).isEqualTo(2);
            assertThat(deliveries.find(new Document("_id", "d-4")).first()).doesNotContainKey("claim");
            assertThat(deliveries.deleteOne(new Document("_id", "d-5").append("status", "SENT")).getDeletedCount()).isZero();
            assertThat(deliveries.deleteOne(new Document("_id", "d-5").append("status", "SENDING")).getDeletedCount()).isOne();
            assertThat(deliveries.countDocuments()).isEqualTo(200);
        } finally {
            server.shutdownNow();
        }
    }

    private static void assertDuplicate(Runnable insert) {
        assertThatThrownBy(insert::run).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private static MongoCollection<Document> signatures(MongoClient client) {
        return client.getDatabase("pledgeworks-pledges").getCollection("signatures");
    }
}
