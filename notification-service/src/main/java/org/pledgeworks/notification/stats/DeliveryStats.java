package org.pledgeworks.notification.stats;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import org.springframework.stereotype.Component;

/**
 * One document per bulk message ({@code message_stats}, {@code _id} = the message id) with a counter per
 * outcome. Counts events: a delivery deferred twice and then sent adds 2 to deferred and 1 to sent.
 */
@Component
public class DeliveryStats {

    public static final List<String> COUNTERS = List.of("queued", "sent", "deferred", "failed", "suppressed",
            "bounced", "complained", "unsubscribed");

    private final MongoCollection<Document> stats;
    private final Clock clock;

    DeliveryStats(MongoDatabase database, Clock clock) {
        this.stats = database.getCollection("message_stats");
        this.clock = clock;
    }

    /** Adds to the counters of one message, in one write. */
    public void add(String messageRef, Map<String, Integer> changes) {
        if (messageRef == null || changes.isEmpty()) {
            return;
        }
        Document inc = new Document();
        changes.forEach((counter, by) -> {
            if (!COUNTERS.contains(counter)) {
                throw new IllegalArgumentException("no counter " + counter);
            }
            inc.append("counts." + counter, by);
        });
        stats.updateOne(eq("_id", messageRef), new Document("$inc", inc)
                .append("$set", new Document("updatedAt", Date.from(clock.instant()))), new UpdateOptions().upsert(true));
    }

    public void add(String messageRef, String counter) {
        add(messageRef, Map.of(counter, 1));
    }

    /** Every counter, zero when nothing happened yet. */
    public Map<String, Long> counts(String messageRef) {
        Document found = stats.find(eq("_id", messageRef)).first();
        Document counts = found == null ? new Document() : found.get("counts", new Document());
        Map<String, Long> result = new LinkedHashMap<>();
        for (String counter : COUNTERS) {
            Number value = counts.get(counter, Number.class);
            result.put(counter, value == null ? 0L : value.longValue());
        }
        return result;
    }
}
