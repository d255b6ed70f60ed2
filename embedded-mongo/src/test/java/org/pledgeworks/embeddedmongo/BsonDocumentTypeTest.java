package org.pledgeworks.embeddedmongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BsonDocumentTypeTest {

    @TempDir
    Path dir;

    @Test
    void aDocumentOfEveryKindComesBackFromTheFileAsItWent() {
        String file = dir.resolve("bson.mv.db").toString();
        Document sample = sample();
        try (MVStore store = MVStore.open(file)) {
            bsonMap(store).put("d-1", sample);
        }
        try (MVStore store = MVStore.open(file)) {
            assertThat(bsonMap(store).get("d-1")).isEqualTo(sample);
        }
    }

    /**
     * A file written by the stock backend (documents Java-serialized by H2's generic type) opens: its
     * documents read as they are, and one that is written again is BSON, which the generic type
     * cannot read any more.
     */
    @Test
    void readsJavaSerializedDocumentsAndWritesThemBackAsBson() {
        String file = dir.resolve("old.mv.db").toString();
        Document sample = sample();
        try (MVStore store = MVStore.open(file)) {
            MVMap<Object, Document> stock = store.openMap("documents");
            stock.put("old", sample);
            stock.put("rewritten", sample);
        }
        try (MVStore store = MVStore.open(file)) {
            MVMap<Object, Document> documents = bsonMap(store);
            assertThat(documents.get("old")).isEqualTo(sample);
            documents.put("rewritten", new Document(documents.get("rewritten")).append("more", 1));
        }
        try (MVStore store = MVStore.open(file)) {
            MVMap<Object, Document> stock = store.openMap("documents");
            assertThat(stock.get("old")).isEqualTo(sample);
            assertThatThrownBy(() -> stock.get("rewritten")).isInstanceOf(RuntimeException.class);
        }
        try (MVStore store = MVStore.open(file)) {
            assertThat(bsonMap(store).get("rewritten")).isEqualTo(new Document(sample).append("more", 1));
        }
    }

    @Test
    void anInstantFinerThanAMillisecondComesBackExactly() {
        String file = dir.resolve("fine.mv.db").toString();
        Document fine = new Document("_id", "d-2").append("at", Instant.ofEpochSecond(1_800_000_000L, 123_456_789L))
                .append("list", List.of(new Document("at", Instant.ofEpochSecond(1L, 1L))));
        try (MVStore store = MVStore.open(file)) {
            bsonMap(store).put("d-2", fine);
        }
        try (MVStore store = MVStore.open(file)) {
            assertThat(bsonMap(store).get("d-2")).isEqualTo(fine);
        }
    }

    private static MVMap<Object, Document> bsonMap(MVStore store) {
        return store.openMap("documents", new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
    }

    private static Document sample() {
        return new Document("_id", "d-1")
                .append("text", "Grüße, \u2603 and a longer text ".repeat(40))
                .append("int", 42)
                .append("long", Long.MAX_VALUE)
                .append("double", -0.5)
                .append("flag", true)
                .append("none", null)
                .append("at", Instant.ofEpochMilli(1_800_000_000_123L))
                .append("uuid", UUID.fromString("00000000-0000-0001-0000-000000000002"))
                .append("oid", new ObjectId("5f0c8c3e9d1b2a3c4d5e6f70"))
                .append("nested", new Document("headers", new Document("List-Unsubscribe", "<https://x>")))
                .append("list", List.of(1, "two", new Document("three", 3.0), List.of()));
    }
}
