package org.pledgeworks.embeddedmongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * An index's key values for the common case, without mongo-java-server's general path: that splits
 * every field name with a regular expression and builds streams, on every write and for every
 * index (11 % of the embedded server's CPU in a fan-out's profile, docs/benchmarks.md). Answers only
 * when every field is a top-level name and every value a scalar whose normal form is plain to see;
 * anything else (dotted paths, arrays, documents) returns null, and the caller asks the general path.
 */
final class TopLevelKeyValues {

    private final List<String> fields;
    private final boolean topLevel;

    TopLevelKeyValues(List<String> fields) {
        this.fields = List.copyOf(fields);
        this.topLevel = fields.stream().noneMatch(f -> f.isEmpty() || f.contains(".") || f.startsWith("$"));
    }

    /** The single key of this document, normalised as mongo-java-server's {@code Index} does; null to ask it. */
    Set<KeyValue> of(Document document) {
        if (!topLevel) {
            return null;
        }
        List<Object> values = new ArrayList<>(fields.size());
        for (String field : fields) {
            Object value = document.get(field);
            if (value == null || value instanceof String || value instanceof Boolean || value instanceof Instant
                    || value instanceof ObjectId || value instanceof UUID) {
                values.add(value); // a missing field and null both index as null
            }
            else if (value instanceof Integer || value instanceof Double) {
                values.add(normalNumber(((Number) value).doubleValue()));
            }
            else if (value instanceof Long l) {
                // as Utils.normalizeValue: a long a double cannot hold stays a long (no ?: here, which
                // would promote both branches to double)
                if (l != (long) l.doubleValue()) {
                    values.add(l);
                }
                else {
                    values.add(normalNumber(l.doubleValue()));
                }
            }
            else {
                return null;
            }
        }
        return Set.of(new KeyValue(values));
    }

    /** Whether the document has none of the fields (a sparse index leaves it out). */
    boolean hasNone(Document document) {
        if (!topLevel) {
            return fields.stream().allMatch(field -> Utils.getSubdocumentValue(document, field) instanceof Missing);
        }
        for (String field : fields) {
            if (document.containsKey(field)) {
                return false;
            }
        }
        return true;
    }

    private static Double normalNumber(double value) {
        return value == -0.0 ? 0.0 : value;
    }
}
