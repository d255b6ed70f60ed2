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
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparseOrderedIndexTest {

    private static final IndexOptions SPARSE = new IndexOptions().sparse(true);

    private static final String[] STATUSES = {"QUEUED", "SENDING", "SENT", "FAILED"};

    @TempDir
    Path dir;

    /**
     * The same writes to the tuned server and to mongo-java-server's in-memory one (no secondary
     * indexes: it scans), then the same queries: an index may only make a query cheaper, never
     * change its answer — mixed types, arrays, missing and null fields (which a sparse index treats
     * apart), updates and deletes included.
     */
    @Test
    void everyQueryAnswersExactlyWhatAFullScanAnswers() {
        MongoServer tuned = new MongoServer(new TunedH2Backend(dir.resolve("same.mv.db").toString()));
        MongoServer scanning = new MongoServer(new MemoryBackend());
        try (MongoClient a = MongoClients.create(LoopbackUri.of(tuned)); MongoClient b = MongoClients.create(LoopbackUri.of(scanning))) {
            List<MongoCollection<Document>> both = List.of(deliveries(a), deliveries(b));
            Random random = new Random(11);
            for (MongoCollection<Document> deliveries : both) {
                deliveries.createIndex(Indexes.ascending("nextAttemptAt"), SPARSE);
                deliveries.createIndex(Indexes.ascending("claim", "claimedAt"), SPARSE);
                deliveries.createIndex(Indexes.ascending("tags"), SPARSE);
                deliveries.createIndex(Indexes.ascending("recipientId")); // not sparse: not built, scanned
            }
            long start = 1_800_000_000_000L;
            for (int i = 0; i < 2_000; i++) {
                Document delivery = new Document("_id", "d-" + i).append("status", STATUSES[random.nextInt(4)])
                        .append("recipientId", random.nextInt(10) == 0 ? Long.valueOf(i % 50) : "r-" + (i % 50));
                switch (random.nextInt(5)) {
                    case 0 -> { } // no due time at all
                    case 1 -> delivery.append("nextAttemptAt", null);
                    case 2 -> delivery.append("nextAttemptAt", random.nextInt(100)); // a number, not a date
                    default -> delivery.append("nextAttemptAt", new Date(start + random.nextInt(100_000)));
                }
                if (random.nextBoolean()) {
                    delivery.append("tags", List.of("t-" + random.nextInt(5), "t-" + random.nextInt(5)));
                }
                if (random.nextInt(3) == 0) {
                    delivery.append("claim", "c-" + random.nextInt(3)).append("claimedAt", new Date(start + random.nextInt(100_000)));
                }
                both.forEach(c -> c.insertOne(new Document(delivery)));
            }
            for (int i = 0; i < 600; i++) {
                String id = "d-" + random.nextInt(2_000);
                Bson update = switch (random.nextInt(3)) {
                    case 0 -> Updates.combine(Updates.set("status", "SENT"), Updates.unset("nextAttemptAt"),
                            Updates.unset("claim"), Updates.unset("claimedAt"));
                    case 1 -> Updates.combine(Updates.set("status", "SENDING"), Updates.set("claim", "c-1"),
                            Updates.set("claimedAt", new Date(start + random.nextInt(100_000))));
                    default -> Updates.combine(Updates.set("status", "QUEUED"),
                            Updates.set("nextAttemptAt", new Date(start + random.nextInt(100_000))));
                };
                both.forEach(c -> c.updateOne(eq("_id", id), update));
            }
            for (int i = 0; i < 200; i++) {
                String id = "d-" + random.nextInt(2_000);
                both.forEach(c -> c.deleteOne(eq("_id", id)));
            }

            Date middle = new Date(start + 50_000);
            List<Bson> queries = List.of(
                    eq("status", "QUEUED"),
                    and(eq("status", "QUEUED"), lte("nextAttemptAt", middle)),
                    and(eq("status", "QUEUED"), gt("nextAttemptAt", middle)),
                    and(eq("status", "FAILED"), gte("nextAttemptAt", 10), lt("nextAttemptAt", 60)),
                    new Document("status", "SENDING").append("nextAttemptAt", new Document("$lt", middle)),
                    and(eq("status", "QUEUED"), lte("nextAttemptAt", 50)),
                    eq("recipientId", "r-7"),
                    eq("recipientId", 7),
                    eq("recipientId", 7.0),
                    eq("tags", "t-3"),
                    // an array matches a two-sided range when one element is above and another below it
                    new Document("tags", new Document("$gte", "t-2").append("$lte", "t-3")),
                    and(eq("status", "SENT"), eq("recipientId", "r-3")),
                    eq("status", "NONE"),
                    // null and $exists match documents a sparse index leaves out: these must scan
                    eq("nextAttemptAt", null),
                    new Document("nextAttemptAt", new Document("$exists", false)),
                    lte("nextAttemptAt", middle),
                    and(eq("status", "SENDING"), lt("claimedAt", middle)),
                    and(eq("claim", "c-1"), gte("claimedAt", middle)),
                    eq("claim", "c-2"));
            for (Bson query : queries) {
                assertThat(ids(deliveries(a), query)).as("%s", query).isEqualTo(ids(deliveries(b), query));
            }
            // what the retrier asks: the oldest due first, a page at a time (read only up to the page
            // when the index has the order: an upper bound alone), and the shapes around it
            Bson due = and(eq("status", "QUEUED"), lte("nextAttemptAt", middle));
            List<Sorted> sortedQueries = List.of(
                    new Sorted(due, "nextAttemptAt"),
                    new Sorted(lte("nextAttemptAt", 50), "nextAttemptAt"),
                    // a lower bound: no order from the index, sorted as before
                    new Sorted(gte("nextAttemptAt", middle), "nextAttemptAt"),
                    new Sorted(and(gt("nextAttemptAt", 20), lt("nextAttemptAt", 60)), "nextAttemptAt"),
                    new Sorted(and(eq("claim", "c-1"), lt("claimedAt", middle)), "claimedAt"),
                    // arrays: a document sorts by its smallest element
                    new Sorted(lte("tags", "t-2"), "tags"),
                    new Sorted(new Document("tags", new Document("$gt", "t-1").append("$lte", "t-3")), "tags"));
            for (Sorted sorted : sortedQueries) {
                assertThat(page(deliveries(a), sorted.query(), sorted.field(), "_id")).as("%s", sorted)
                        .isEqualTo(page(deliveries(b), sorted.query(), sorted.field(), "_id")).isNotEmpty();
                assertThat(sortKeys(deliveries(a), sorted)).as("%s", sorted)
                        .isEqualTo(sortKeys(deliveries(b), sorted)).isNotEmpty();
            }
            assertThat(page(deliveries(a), due, "nextAttemptAt", "_id")).hasSize(25);
            assertThat(sortKeys(deliveries(a), sortedQueries.get(0))).hasSize(25).isSorted();
        } finally {
            tuned.shutdownNow();
            scanning.shutdownNow();
        }
    }

    @Test
    void holdsOnlyDocumentsWithAnIndexedFieldAndAnswersOnlyTheShapesItCanNarrow() {
        MVStore store = new MVStore.Builder().open();
        MVMap<KeyValue, Object> entries = store.openMap("i", new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueOrder()));
        SparseOrderedIndex index = new SparseOrderedIndex(entries, "nextAttemptAt_1",
                List.of(new IndexKey("nextAttemptAt", true)));
        for (int i = 0; i < 100; i++) {
            de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "d-" + i)
                    .append("status", i < 50 ? "QUEUED" : "SENT");
            if (i < 50) {
                document.append("nextAttemptAt", i);
            }
            index.add(document, "d-" + i, null);
        }
        assertThat(index.getCount()).isEqualTo(50);

        de.bwaldvogel.mongo.bson.Document due = query("status", "QUEUED", "nextAttemptAt", range("$lte", 9));
        assertThat(index.canHandle(due)).isTrue();
        assertThat(index.getPositions(due)).hasSize(10).contains("d-0", "d-9").doesNotContain("d-10");
        de.bwaldvogel.mongo.bson.Document after = query("nextAttemptAt", range("$gt", 40));
        assertThat(index.getPositions(after)).hasSize(9).contains("d-41", "d-49").doesNotContain("d-40");
        var asAnd = new de.bwaldvogel.mongo.bson.Document("$and", List.of(query("status", "QUEUED"),
                query("nextAttemptAt", range("$lt", 5))));
        assertThat(index.getPositions(asAnd)).hasSize(5);

        // an upper bound alone: the positions come in the field's order, so a sort by it may stop early
        assertThat(index.getPositions(due)).isInstanceOfSatisfying(OrderedPositions.class, ordered -> {
            assertThat(ordered).containsExactly("d-0", "d-1", "d-2", "d-3", "d-4", "d-5", "d-6", "d-7", "d-8", "d-9");
            assertThat(ordered.answer(new de.bwaldvogel.mongo.bson.Document("nextAttemptAt", 1))).isTrue();
            assertThat(ordered.answer(query("nextAttemptAt", 1, "_id", 1))).isTrue();
            assertThat(ordered.answer(new de.bwaldvogel.mongo.bson.Document("nextAttemptAt", -1))).isFalse();
            assertThat(ordered.answer(query("_id", 1))).isFalse();
            assertThat(ordered.answer(query("nextAttemptAt", 1, "status", 1))).isFalse();
        });
        assertThat(index.getPositions(after)).isNotInstanceOf(OrderedPositions.class);

        // what could match a document without the field, or what it cannot narrow: left to a scan
        assertThat(index.canHandle(query("status", "QUEUED"))).isFalse();
        assertThat(index.canHandle(query("nextAttemptAt", null))).isFalse();
        assertThat(index.canHandle(query("nextAttemptAt", range("$exists", false)))).isFalse();
        assertThat(index.canHandle(query("nextAttemptAt", List.of(3)))).isFalse();
        assertThat(index.canHandle(query("nextAttemptAt", new de.bwaldvogel.mongo.bson.Document("$in", List.of(3))))).isFalse();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("$or", List.of(query("nextAttemptAt", 3)))))
                .isFalse();

        index.remove(new de.bwaldvogel.mongo.bson.Document("_id", "d-3").append("status", "QUEUED").append("nextAttemptAt", 3));
        assertThat(index.getPositions(due)).hasSize(9).doesNotContain("d-3");
        store.close();
    }

    @Test
    void survivesAReopenAndADroppedCollectionLeavesNoEntriesBehind() {
        String file = dir.resolve("reopen.mv.db").toString();
        MongoServer first = new MongoServer(new TunedH2Backend(file));
        try (MongoClient client = MongoClients.create(LoopbackUri.of(first))) {
            MongoCollection<Document> deliveries = deliveries(client);
            deliveries.createIndex(Indexes.ascending("status"), SPARSE);
            for (int i = 0; i < 100; i++) {
                deliveries.insertOne(new Document("_id", "d-" + i).append("status", i % 2 == 0 ? "QUEUED" : "SENT"));
            }
        } finally {
            first.shutdownNow();
        }
        MongoServer second = new MongoServer(new TunedH2Backend(file));
        try (MongoClient client = MongoClients.create(LoopbackUri.of(second))) {
            MongoCollection<Document> deliveries = deliveries(client);
            assertThat(ids(deliveries, eq("status", "QUEUED"))).hasSize(50);
            deliveries.updateOne(eq("_id", "d-0"), Updates.set("status", "SENT"));
            assertThat(ids(deliveries, eq("status", "QUEUED"))).hasSize(49).doesNotContain("d-0");

            deliveries.drop();
            deliveries.createIndex(Indexes.ascending("status"), SPARSE);
            deliveries.insertOne(new Document("_id", "d-0").append("status", "QUEUED"));
            assertThat(ids(deliveries, eq("status", "QUEUED"))).containsExactly("d-0");
        } finally {
            second.shutdownNow();
        }
    }

    private static de.bwaldvogel.mongo.bson.Document query(Object... fieldsAndValues) {
        de.bwaldvogel.mongo.bson.Document query = new de.bwaldvogel.mongo.bson.Document();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            query.append((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return query;
    }

    private static de.bwaldvogel.mongo.bson.Document range(String operator, Object bound) {
        return new de.bwaldvogel.mongo.bson.Document(operator, bound);
    }

    private static Set<Object> ids(MongoCollection<Document> collection, Bson query) {
        Set<Object> ids = new HashSet<>();
        collection.find(query).forEach(d -> ids.add(d.get("_id")));
        return ids;
    }

    private static List<Object> page(MongoCollection<Document> collection, Bson query, String... sort) {
        List<Object> ids = new ArrayList<>();
        collection.find(query).sort(Sorts.ascending(sort)).limit(25).forEach(d -> ids.add(d.get("_id")));
        return ids;
    }

    /** A query sorted ascending by one field (then, in {@link #page}, by {@code _id}). */
    private record Sorted(Bson query, String field) {
    }

    /**
     * Sorted by the field alone, documents with equal keys may come in either order: the keys (an
     * array's is its smallest element, which the sort compares).
     */
    private static List<Object> sortKeys(MongoCollection<Document> collection, Sorted sorted) {
        List<Object> keys = new ArrayList<>();
        collection.find(sorted.query()).sort(Sorts.ascending(sorted.field())).limit(25).forEach(d -> {
            Object value = d.get(sorted.field());
            keys.add(value instanceof List<?> tags
                    ? tags.stream().map(String.class::cast).min(String::compareTo).orElseThrow() : value);
        });
        return keys;
    }

    private static MongoCollection<Document> deliveries(MongoClient client) {
        return client.getDatabase("pledgeworks-notifications").getCollection("deliveries");
    }
}
