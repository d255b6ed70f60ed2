package org.pledgeworks.embeddedmongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.junit.jupiter.api.Test;

class TopLevelKeyValuesTest {

    private static final List<List<String>> FIELD_SETS = List.of(List.of("_id"), List.of("a"), List.of("_id", "a", "b"),
            List.of("a.x"), List.of("b", "a.x"));

    /**
     * Wherever the shortcut answers, it answers what mongo-java-server's general path does (its
     * in-memory index is that path, untouched), for every kind of value: numbers it normalises,
     * a long no double holds, -0.0, null and missing fields, and the values it must leave alone.
     */
    @Test
    void answersExactlyWhatTheGeneralPathAnswersOrNothing() {
        Random random = new Random(7);
        int answered = 0;
        for (List<String> fields : FIELD_SETS) {
            Index<Integer> general = new MemoryUniqueIndex("general", keys(fields), false);
            TopLevelKeyValues shortcut = new TopLevelKeyValues(fields);
            for (int i = 0; i < 3_000; i++) {
                Document document = randomDocument(random);
                var fast = shortcut.of(document);
                if (fast != null) {
                    answered++;
                    assertThat(fast).as("%s of %s", fields, document).isEqualTo(general.getKeyValues(document));
                }
                assertThat(shortcut.hasNone(document)).isEqualTo(fields.stream()
                        .allMatch(f -> Utils.getSubdocumentValue(document, f) instanceof Missing));
            }
        }
        // the shortcut is taken for plain fields and values (else it would prove nothing)
        assertThat(answered).isGreaterThan(3_000);
        assertThat(new TopLevelKeyValues(List.of("a.x")).of(new Document("a", new Document("x", 1)))).isNull();
        assertThat(new TopLevelKeyValues(List.of("a")).of(new Document("a", List.of(1, 2)))).isNull();
    }

    private static List<IndexKey> keys(List<String> fields) {
        List<IndexKey> keys = new ArrayList<>();
        fields.forEach(f -> keys.add(new IndexKey(f, true)));
        return keys;
    }

    private static Document randomDocument(Random random) {
        Document document = new Document();
        for (String field : List.of("_id", "a", "b")) {
            Object value = randomValue(random);
            if (value != Missing.getInstance()) {
                document.put(field, value);
            }
        }
        return document;
    }

    private static Object randomValue(Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> Missing.getInstance();
            case 1 -> null;
            case 2 -> "s-" + random.nextInt(5);
            case 3 -> random.nextInt(5) - 2;
            case 4 -> (long) random.nextInt(5);
            case 5 -> Long.MAX_VALUE - random.nextInt(3); // a double cannot hold it
            case 6 -> random.nextBoolean() ? -0.0 : 0.0;
            case 7 -> random.nextDouble();
            case 8 -> random.nextBoolean();
            case 9 -> Instant.ofEpochMilli(1_800_000_000_000L + random.nextInt(1000));
            case 10 -> new UUID(random.nextInt(3), random.nextInt(3));
            case 11 -> new ObjectId();
            case 12 -> new Document("x", random.nextInt(3));
            case 13 -> List.of(random.nextInt(3), "t");
            case 14 -> List.of(new Document("x", 1), new Document("x", 2));
            default -> Double.NaN;
        };
    }
}
