package org.pledgeworks.embeddedmongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The string bounds a query puts on {@code _id}, when its result may be read in {@code _id} order:
 * no sort, or {@code {_id: 1}}. Either bound may be missing, not both. The bounds only narrow the
 * keys to look at; the whole query still decides which documents match, so an exclusive bound is
 * read as an inclusive one and the query drops the equal key.
 *
 * @param from the lowest key to look at ({@code ""}, the lowest string, when the query sets none)
 * @param to   the highest key to look at, or {@code null} for every string key from {@code from} on
 */
record IdRange(String from, String to) {

    static Optional<IdRange> of(Document query, Document orderBy) {
        if (!inIdOrder(orderBy)) {
            return Optional.empty();
        }
        List<Object> conditions = new ArrayList<>();
        conditions.add(query.get("_id"));
        if (query.get("$and") instanceof List<?> all) {
            for (Object each : all) {
                if (each instanceof Document condition) {
                    conditions.add(condition.get("_id"));
                }
            }
        }
        String from = null;
        String to = null;
        for (Object condition : conditions) {
            if (!(condition instanceof Document operators)) {
                continue;
            }
            for (Map.Entry<String, Object> operator : operators.entrySet()) {
                if (!(operator.getValue() instanceof String bound)) {
                    continue;
                }
                switch (operator.getKey()) {
                    case "$gt", "$gte" -> from = from == null || bound.compareTo(from) > 0 ? bound : from;
                    case "$lt", "$lte" -> to = to == null || bound.compareTo(to) < 0 ? bound : to;
                    default -> { }
                }
            }
        }
        if (from == null && to == null) {
            return Optional.empty();
        }
        return Optional.of(new IdRange(from == null ? "" : from, to));
    }

    /**
     * Whether a key of H2's document map lies after the range. H2 orders keys by type before value,
     * so the strings are contiguous and the first key that is not a string ends them; among strings
     * it orders as {@link String#compareTo}, which differs from MongoDB's byte order only between
     * characters outside the Basic Multilingual Plane and those from U+E000 up.
     */
    boolean endsBefore(Object key) {
        return !(key instanceof String id) || to != null && id.compareTo(to) > 0;
    }

    private static boolean inIdOrder(Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return true;
        }
        return orderBy.size() == 1 && orderBy.get("_id") instanceof Number direction && direction.intValue() == 1;
    }
}
