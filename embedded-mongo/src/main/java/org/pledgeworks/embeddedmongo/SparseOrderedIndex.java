package org.pledgeworks.embeddedmongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A sparse non-unique index: mongo-java-server has no non-unique index at all (it keeps an empty
 * placeholder and scans the whole collection). notification-service's retrier asks every 2 s for
 * due deliveries and for stuck claims; scanning, that read every delivery ever sent twice a round,
 * under the collection's lock, and a million-subscriber fan-out slowed to a crawl as its deliveries
 * grew. Its two queue indexes are sparse on fields only a queued or sending delivery has, so this
 * index holds the live queue, not the history, and costs a write only while a delivery is in it.
 * Non-sparse indexes are not built: on deliveries they cost every write more than the scans they
 * spared (docs/benchmarks.md, "What the profiles showed").
 *
 * <p>Keys are the indexed values followed by the document's {@code _id}, so each is unique, in an H2
 * map ordered like MongoDB orders values ({@link KeyValueOrder}). It answers only simple shapes:
 * equality on a leading run of the index's fields, optionally followed by one range ({@code $gt},
 * {@code $gte}, {@code $lt}, {@code $lte}) on the next field, fields at the top level or under
 * {@code $and}, with plain values only — never null, which also matches a missing field that a sparse
 * index leaves out. Other fields of the query are left to the collection, which matches every
 * returned document against the whole query again: an index can make a query cheaper, never change
 * its answer. Positions found by an upper bound alone come as {@link OrderedPositions}, so a query
 * sorted by that field stops at its limit.
 */
final class SparseOrderedIndex extends Index<Object> {

    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();
    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

    private final MVMap<KeyValue, Object> entries;
    private final TopLevelKeyValues keyValues;

    SparseOrderedIndex(MVMap<KeyValue, Object> entries, String name, List<IndexKey> keys) {
        super(name, keys, true);
        this.entries = entries;
        this.keyValues = new TopLevelKeyValues(keys());
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        Set<KeyValue> plain = keyValues.of(document);
        return plain != null ? plain : super.getKeyValues(document);
    }

    /** Equality values on the leading fields, then at most one range on the field after them. */
    private record Plan(List<Object> equal, Document range) {

        Object bound(String lower, String orEqual) {
            if (range == null) {
                return null;
            }
            return range.containsKey(orEqual) ? range.get(orEqual) : range.get(lower);
        }
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return plan(query) != null;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        Plan plan = plan(query);
        List<Object> equal = plan.equal();
        Object low = plan.bound("$gt", "$gte");
        Object high = plan.bound("$lt", "$lte");
        boolean aboveLow = plan.range() != null && !plan.range().containsKey("$gte");
        boolean belowHigh = plan.range() != null && !plan.range().containsKey("$lte");
        List<Object> from = new ArrayList<>(equal);
        if (low != null) {
            from.add(low);
        }
        // A key shorter than the stored ones sorts before every stored key it is a prefix of;
        // with no lower bound at all the scan starts at the first key.
        Cursor<KeyValue, Object> cursor = entries.cursor(from.isEmpty() ? null : new KeyValue(from));
        Set<Object> positions = new LinkedHashSet<>();
        while (cursor.hasNext()) {
            KeyValue key = cursor.next();
            if (!startsWith(key, equal)) {
                break;
            }
            if (high != null) {
                int toHigh = VALUES.compare(key.get(equal.size()), high);
                if (toHigh > 0 || toHigh == 0 && belowHigh) {
                    break;
                }
            }
            if (low != null && aboveLow && VALUES.compare(key.get(equal.size()), low) == 0) {
                continue;
            }
            positions.add(cursor.getValue());
        }
        if (low != null || high == null || !getKeys().get(equal.size()).isAscending()) {
            return positions;
        }
        return new OrderedPositions(positions, sortedBy(equal.size()));
    }

    /**
     * The order of positions found by an upper bound alone on an ascending key: its value, then (when it
     * is the last key) the entry's {@code _id}. A document whose field is an array is found first at its
     * smallest element in the range; with no lower bound nothing smaller lies outside it, so that is its
     * smallest element, which is what an ascending sort compares, in MongoDB and in mongo-java-server
     * alike. A lower bound breaks that, so it gets no order.
     */
    private List<String> sortedBy(int rangeKey) {
        String field = getKeys().get(rangeKey).getKey();
        return rangeKey == getKeys().size() - 1 ? List.of(field, "_id") : List.of(field);
    }

    private static boolean startsWith(KeyValue key, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (VALUES.compare(key.get(i), values.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Null when this index cannot narrow the query. */
    private Plan plan(Document query) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (!collect(query, fields) || fields.isEmpty()) {
            return null;
        }
        List<Object> equal = new ArrayList<>();
        Document range = null;
        int used = 0;
        for (String key : keys()) {
            if (!fields.containsKey(key)) {
                break;
            }
            Object condition = fields.get(key);
            used++;
            if (isPlainValue(condition)) {
                equal.add(condition);
            }
            else if (isRange(condition)) {
                range = (Document) condition;
                break;
            }
            else {
                return null;
            }
        }
        return used > 0 ? new Plan(equal, range) : null;
    }

    /** The query's conditions by field; false for anything but fields and {@code $and}, or a field twice. */
    private static boolean collect(Document query, Map<String, Object> fields) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            if (entry.getKey().equals("$and") && entry.getValue() instanceof List<?> parts) {
                for (Object part : parts) {
                    if (!(part instanceof Document condition) || !collect(condition, fields)) {
                        return false;
                    }
                }
            }
            else if (entry.getKey().startsWith("$") || fields.putIfAbsent(entry.getKey(), entry.getValue()) != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * A value that equality matches exactly where the index compares equal. Not null (which also
     * matches a missing field), documents, arrays or patterns, whose matching rules differ.
     */
    private static boolean isPlainValue(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Date || value instanceof Instant || value instanceof ObjectId
                || value instanceof UUID;
    }

    private static boolean isRange(Object condition) {
        if (!(condition instanceof Document range) || range.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Object> bound : range.entrySet()) {
            if (!RANGE_OPERATORS.contains(bound.getKey()) || !isPlainValue(bound.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (hasNoneOfTheKeys(document)) {
            return;
        }
        for (KeyValue key : getKeyValues(document)) {
            entries.put(entryKey(key, document), Missing.ofNullable(position));
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = null;
        for (KeyValue key : getKeyValues(document)) {
            Object removed = entries.remove(entryKey(key, document));
            if (removed != null) {
                position = removed;
            }
        }
        return position;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
            remove(oldDocument);
            add(newDocument, position, collection);
        }
    }

    @Override
    public synchronized Object getPosition(Document document) {
        for (KeyValue key : getKeyValues(document)) {
            Object position = entries.get(entryKey(key, document));
            if (position != null) {
                return position;
            }
        }
        return null;
    }

    private boolean hasNoneOfTheKeys(Document document) {
        return keyValues.hasNone(document);
    }

    /** The indexed values, then the document's id: two documents with equal values get two entries. */
    private static KeyValue entryKey(KeyValue values, Document document) {
        List<Object> key = new ArrayList<>(values.size() + 1);
        values.forEach(key::add);
        key.add(Missing.ofNullable(document.get("_id")));
        return new KeyValue(key);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: any document may be added
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: any update is allowed
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        // the backend removes the map
    }
}
