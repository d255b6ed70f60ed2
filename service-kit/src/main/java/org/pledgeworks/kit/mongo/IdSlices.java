package org.pledgeworks.kit.mongo;

import static com.mongodb.client.model.Filters.and;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The string {@code _id}s cut into 256 consecutive slices at every two-hex-digit prefix, for the searches
 * no index serves (the outbox's and the counters' hunt for a crash's leftovers, the purge of pending
 * signatures). The embedded database holds a collection's lock while it scans, so one search of all
 * signatures held every signing behind it for up to 0.8 s — long enough that the gateway turned signings
 * away with 503s every five minutes of a steady run (docs/benchmarks.md, run 23). Slice by slice, each
 * search reads only its slice's keys and a signing waits for one slice at most; real MongoDB bounds each
 * by the {@code _id} index.
 * <p>
 * The slices cover every string, each exactly once, whatever its characters; the ids they spread evenly
 * are random hex (UUIDs), which every swept collection uses. Documents whose {@code _id} is not a string
 * are in no slice.
 */
public final class IdSlices {

    private static final List<Document> SLICES = slices();

    private IdSlices() {
    }

    /** The slices' {@code _id} conditions, each joined to {@code filter}, in {@code _id} order. */
    public static List<Bson> each(Bson filter) {
        // one $and of the bound and the filter: the embedded server recognises an _id range there, and
        // the bound must be one document with both operators for it to see both ends
        return SLICES.stream().map(slice -> and(slice, filter)).toList();
    }

    /**
     * Reads the documents that match {@code filter}, slice by slice in {@code _id} order, handing each to
     * {@code each}, and stops after {@code limit}.
     *
     * @return how many were read
     */
    public static int find(MongoCollection<Document> collection, Bson filter, Bson projection, int limit,
            Consumer<Document> each) {
        int found = 0;
        for (Bson slice : each(filter)) {
            if (found >= limit) {
                break;
            }
            try (MongoCursor<Document> documents = collection.find(slice).projection(projection).batchSize(100)
                    .limit(limit - found).cursor()) {
                while (documents.hasNext()) {
                    each.accept(documents.next());
                    found++;
                }
            }
        }
        return found;
    }

    private static List<Document> slices() {
        List<Document> slices = new ArrayList<>();
        String lower = null;
        for (int prefix = 1; prefix <= 256; prefix++) {
            String upper = prefix < 256 ? "%02x".formatted(prefix) : null;
            Document bounds = new Document();
            if (lower != null) {
                bounds.append("$gte", lower);
            }
            if (upper != null) {
                bounds.append("$lt", upper);
            }
            slices.add(new Document("_id", bounds));
            lower = upper;
        }
        return List.copyOf(slices);
    }
}
