package org.pledgeworks.embeddedmongo;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The one {@code _id} a query with more fields than {@code _id} can match, when it names it by plain
 * equality: {@code {_id: "d-1", status: "SENDING", claim: "c-7"}}, a compare-and-set write's filter.
 * mongo-java-server looks documents up by an index only when the query's fields are exactly that
 * index's keys, so it scans the whole collection for such a filter; with the {@code _id} found here it
 * reads one document and lets the whole query decide whether it matches. Operators, regular
 * expressions, lists and null are left to the server's own planning.
 */
final class IdEquality {

    private IdEquality() {
    }

    static Optional<Object> of(Document query, String idField) {
        if (query.size() == 1 && query.containsKey(idField)) {
            return Optional.empty(); // a query on _id alone finds its index already
        }
        Object id = plain(query.get(idField));
        if (id == null && query.get("$and") instanceof List<?> all) {
            // the Java driver's Filters.and(eq("_id", …), …) renders as $and
            for (Object each : all) {
                if (each instanceof Document condition && (id = plain(condition.get(idField))) != null) {
                    break;
                }
            }
        }
        return Optional.ofNullable(id);
    }

    private static Object plain(Object id) {
        if (id == null || id instanceof Missing || id instanceof Document || id instanceof Collection<?>
                || id instanceof Pattern || BsonRegularExpression.isRegularExpression(id)) {
            return null;
        }
        return id;
    }
}
