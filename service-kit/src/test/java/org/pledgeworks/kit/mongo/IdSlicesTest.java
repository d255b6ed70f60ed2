package org.pledgeworks.kit.mongo;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The slices of a sweep, asked of a MongoDB wire-protocol server: every string id in exactly one. */
class IdSlicesTest {

    private static final List<String> ODD_IDS = List.of("", "0", "00", "01", "0z", "0\uffff", "9~", "a", "f", "fe",
            "ff", "ff\uffff", "fg", "g", "Z", "~", "\u00e9t\u00e9", "\ud83d\ude00", "FF", "-1");

    private InMemoryMongo mongo;
    private MongoCollection<Document> signatures;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        signatures = mongo.collection("slices", "signatures");
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void everyStringIdIsInExactlyOneSliceAndOtherIdsInNone() {
        List<Document> documents = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            documents.add(new Document("_id", new UUID(random.nextLong(), random.nextLong()).toString())
                    .append("pending", i % 3 == 0));
        }
        ODD_IDS.forEach(id -> documents.add(new Document("_id", id).append("pending", true)));
        documents.add(new Document("_id", 42L).append("pending", true));
        signatures.insertMany(documents);

        Map<Object, Integer> seen = new HashMap<>();
        List<Bson> slices = IdSlices.each(eq("pending", true));
        for (Bson slice : slices) {
            signatures.find(slice).forEach(d -> seen.merge(d.get("_id"), 1, Integer::sum));
        }

        List<Object> pendingStrings = new ArrayList<>();
        signatures.find(eq("pending", true)).forEach(d -> {
            if (d.get("_id") instanceof String id) {
                pendingStrings.add(id);
            }
        });
        assertThat(slices).hasSize(256);
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(pendingStrings).containsAll(ODD_IDS);
        assertThat(seen.values()).containsOnly(1);

        // find reads the same, stopping at its limit
        List<Object> found = new ArrayList<>();
        assertThat(IdSlices.find(signatures, eq("pending", true), new Document(), 10_000, d -> found.add(d.get("_id"))))
                .isEqualTo(pendingStrings.size());
        assertThat(found).containsExactlyInAnyOrderElementsOf(pendingStrings);
        List<Object> first = new ArrayList<>();
        assertThat(IdSlices.find(signatures, eq("pending", true), new Document(), 300, d -> first.add(d.get("_id"))))
                .isEqualTo(300);
        assertThat(first).hasSize(300).doesNotHaveDuplicates().isSubsetOf(pendingStrings);
    }

    @Test
    void randomUuidsSpreadSoNoSliceHoldsMuchMoreThanItsShare() {
        List<Document> documents = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 25_600; i++) {
            documents.add(new Document("_id", new UUID(random.nextLong(), random.nextLong()).toString()));
        }
        signatures.insertMany(documents);

        int largest = 0;
        for (Bson slice : IdSlices.each(new Document())) {
            largest = Math.max(largest, (int) signatures.countDocuments(slice));
        }
        // 100 a slice on average: a slice that holds twice that means the cut misses the ids' spread
        assertThat(largest).isBetween(100, 200);
    }
}
