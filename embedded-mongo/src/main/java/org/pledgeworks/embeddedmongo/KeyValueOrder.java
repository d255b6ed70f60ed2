package org.pledgeworks.embeddedmongo;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
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
 * order stays total. Keys of plain values are stored as BSON (the values, after a tag, as
 * {@link BsonDocumentType} stores documents); keys a file holds from before, Java-serialized by H2's
 * generic type, are still read.
 */
final class KeyValueOrder extends BasicDataType<KeyValue> {

    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    private final ObjectDataType storage = new ObjectDataType();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int size = Math.min(a.size(), b.size());
        for (int i = 0; i < size; i++) {
            int byValue = compareValues(a.get(i), b.get(i));
            if (byValue != 0) {
                return byValue;
            }
        }
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        return a.equals(b) ? 0 : storage.compare(a, b);
    }

    /** What ValueComparator answers, without its type dispatch for the common cases (every B-tree step compares). */
    private static int compareValues(Object a, Object b) {
        if (a instanceof String s && b instanceof String t) {
            return s.compareTo(t);
        }
        if (a instanceof Instant s && b instanceof Instant t) {
            return s.compareTo(t);
        }
        return VALUES.compare(a, b);
    }

    @Override
    public int getMemory(KeyValue key) {
        return storage.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        if (!roundTripsExactly(key)) {
            // documents, arrays and rarer types stay Java-serialized: the lookup of a key read back
            // must find it equal, and for these that is not proven here
            storage.write(buffer, key);
            return;
        }
        Document values = new Document();
        int i = 0;
        for (Object value : key) {
            values.put(Integer.toString(i++), value);
        }
        BsonDocumentType.INSTANCE.write(buffer, values);
    }

    private static boolean roundTripsExactly(KeyValue key) {
        for (Object value : key) {
            boolean exact = value == null || value instanceof String || value instanceof Double || value instanceof Long
                    || value instanceof Boolean || value instanceof ObjectId || value instanceof UUID
                    // BSON dates hold milliseconds; the server's own $currentDate has finer ones
                    || value instanceof Instant instant && instant.getNano() % 1_000_000 == 0;
            if (!exact) {
                return false;
            }
        }
        return true;
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BsonDocumentType.BSON) {
            return (KeyValue) storage.read(buffer);
        }
        Document values = BsonDocumentType.INSTANCE.read(buffer);
        List<Object> key = new ArrayList<>(values.size());
        key.addAll(values.values());
        return new KeyValue(key);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
