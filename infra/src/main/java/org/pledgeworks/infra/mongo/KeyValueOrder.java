package org.pledgeworks.infra.mongo;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of a unique index's H2 map. H2's default type orders a key it does not know (an
 * index key is a {@link KeyValue}, not {@link Comparable}) by serializing both sides with
 * {@code ObjectOutputStream} on every comparison of every B-tree search: profiled under load, that
 * was 38% of the embedded MongoDB's CPU. Here keys are ordered by their values, the way MongoDB
 * sorts them; keys whose values sort alike but are not equal (an int and a double of the same
 * number, say) keep H2's old byte order between them, so distinct keys stay distinct and the
 * order stays total. Keys are still stored in H2's own format: only pages pay for serialization.
 */
final class KeyValueOrder extends BasicDataType<KeyValue> {

    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    private final ObjectDataType storage = new ObjectDataType();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int size = Math.min(a.size(), b.size());
        for (int i = 0; i < size; i++) {
            int byValue = VALUES.compare(a.get(i), b.get(i));
            if (byValue != 0) {
                return byValue;
            }
        }
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        return a.equals(b) ? 0 : storage.compare(a, b);
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
