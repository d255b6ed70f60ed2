package org.pledgeworks.embeddedmongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyValueOrderTest {

    @TempDir
    Path dir;

    /** Every key comes back from the file equal to itself, and is found by a key computed afresh. */
    @Test
    void keysOfEveryKindAreFoundAgainAfterTheFileIsReopened() {
        String file = dir.resolve("keys.mv.db").toString();
        List<KeyValue> keys = keys();
        try (MVStore store = MVStore.open(file)) {
            MVMap<KeyValue, Object> index = store.openMap("index", builder(new KeyValueOrder()));
            for (int i = 0; i < keys.size(); i++) {
                index.put(keys.get(i), "p-" + i);
            }
        }
        try (MVStore store = MVStore.open(file)) {
            MVMap<KeyValue, Object> index = store.openMap("index", builder(new KeyValueOrder()));
            assertThat(index.keySet()).containsExactlyInAnyOrderElementsOf(keys);
            for (int i = 0; i < keys.size(); i++) {
                assertThat(index.get(copy(keys.get(i)))).as("%s", keys.get(i)).isEqualTo("p-" + i);
            }
        }
    }

    /** An index written before keys were BSON (Java-serialized, in this order) opens, and takes new keys beside. */
    @Test
    void readsTheJavaSerializedKeysOfAnIndexWrittenBefore() {
        String file = dir.resolve("old.mv.db").toString();
        List<KeyValue> keys = keys();
        try (MVStore store = MVStore.open(file)) {
            MVMap<KeyValue, Object> index = store.openMap("index", builder(new JavaSerializedKeys()));
            keys.forEach(k -> index.put(k, "old"));
        }
        try (MVStore store = MVStore.open(file)) {
            MVMap<KeyValue, Object> index = store.openMap("index", builder(new KeyValueOrder()));
            index.put(new KeyValue("new", 1.0), "new");
        }
        try (MVStore store = MVStore.open(file)) {
            MVMap<KeyValue, Object> index = store.openMap("index", builder(new KeyValueOrder()));
            keys.forEach(k -> assertThat(index.get(copy(k))).as("%s", k).isEqualTo("old"));
            assertThat(index.get(new KeyValue("new", 1.0))).isEqualTo("new");
        }
    }

    private static List<KeyValue> keys() {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            keys.add(new KeyValue("d-" + i, i % 3 == 0 ? null : "SENDING", Instant.ofEpochMilli(1_800_000_000_000L + i)));
            keys.add(new KeyValue((double) i, Long.MAX_VALUE - i, i % 2 == 0));
            keys.add(new KeyValue(new UUID(7, i), new ObjectId()));
            keys.add(new KeyValue(new Document("campaign", "c-" + i).append("n", (double) i)));
            keys.add(new KeyValue(Arrays.asList("t-" + i, 2.0), "x"));
            keys.add(new KeyValue(Instant.ofEpochSecond(1_800_000_000L, 123_456_789L + i))); // finer than BSON's ms
        }
        return keys;
    }

    private static KeyValue copy(KeyValue key) {
        List<Object> values = new ArrayList<>();
        key.forEach(v -> values.add(v instanceof Document d ? d.cloneDeeply() : v));
        return new KeyValue(values);
    }

    private static MVMap.Builder<KeyValue, Object> builder(BasicDataType<KeyValue> keys) {
        return new MVMap.Builder<KeyValue, Object>().keyType(keys);
    }

    /** The key type as it was: this order, H2's generic (Java-serializing) storage. */
    private static final class JavaSerializedKeys extends BasicDataType<KeyValue> {

        private final KeyValueOrder order = new KeyValueOrder();
        private final ObjectDataType storage = new ObjectDataType();

        @Override
        public int compare(KeyValue a, KeyValue b) {
            return order.compare(a, b);
        }

        @Override
        public int getMemory(KeyValue key) {
            return storage.getMemory(key);
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            storage.write(buffer, key);
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            return (KeyValue) storage.read(buffer);
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }
}
