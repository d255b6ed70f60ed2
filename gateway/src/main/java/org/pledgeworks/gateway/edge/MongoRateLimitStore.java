package org.pledgeworks.gateway.edge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;

/**
 * Rate-limit counters in MongoDB, shared by every gateway instance that points at the same database: one
 * document per key and fixed window in {@code rateLimits}, {@code _id} = {@code <key>|<window start millis>},
 * {@code count} raised with an {@code $inc} upsert (atomic on the server, so two instances never lose a
 * hit), {@code expiresAt} one period after the window ends, where a TTL index removes it.
 *
 * <p>A fixed window rather than a token bucket: one round trip per request, nothing to read back first. The
 * price is the usual one: a client can spend a whole budget at the end of one window and another at the
 * start of the next. Every call blocks, so callers run it off the event loop. Its own client with short
 * timeouts: a store that is away must cost a request half a second, not the driver's 30 s default.
 */
public final class MongoRateLimitStore implements AutoCloseable {

    static final String COLLECTION = "rateLimits";

    private final MongoClient client;

    private final MongoCollection<Document> counters;

    private final Clock clock;

    private volatile boolean indexed;

    public MongoRateLimitStore(String uri, String database, Duration timeout, Clock clock) {
        int millis = (int) Math.max(1, timeout.toMillis());
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applicationName("pledgeworks-gateway-rate-limits")
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(millis, TimeUnit.MILLISECONDS)
                        .readTimeout(millis, TimeUnit.MILLISECONDS))
                .retryWrites(false) // a retried $inc could count one request twice; one try, then fail over
                .build();
        this.client = MongoClients.create(settings);
        this.counters = client.getDatabase(database).getCollection(COLLECTION);
        this.clock = clock;
    }

    /** Counts one request of {@code key} in the current window and says whether it was within {@code capacity}. */
    public ClientRateLimiter.Verdict take(String key, int capacity, Duration period) {
        ensureIndex();
        Instant now = clock.instant();
        long periodMillis = Math.max(1, period.toMillis());
        long windowStart = Math.floorDiv(now.toEpochMilli(), periodMillis) * periodMillis;
        Instant windowEnd = Instant.ofEpochMilli(windowStart + periodMillis);
        long count = increment(key + "|" + windowStart, Date.from(windowEnd.plus(period)));
        if (count <= capacity) {
            return new ClientRateLimiter.Verdict(true, capacity - count, Duration.ZERO);
        }
        return new ClientRateLimiter.Verdict(false, 0, Duration.between(now, windowEnd));
    }

    private long increment(String id, Date expiresAt) {
        FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        try {
            return countOf(counters.findOneAndUpdate(eq("_id", id),
                    Updates.combine(Updates.inc("count", 1), Updates.setOnInsert("expiresAt", expiresAt)), upsert));
        }
        catch (MongoWriteException | MongoCommandException ex) {
            // two instances inserting the window's first document at once: one wins, the other's upsert
            // fails on the duplicate _id; the document exists now, so a second try increments it
            if (!duplicateKey(ex)) {
                throw ex;
            }
            return countOf(counters.findOneAndUpdate(eq("_id", id), Updates.inc("count", 1), upsert));
        }
    }

    private static boolean duplicateKey(RuntimeException ex) {
        if (ex instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return ex instanceof MongoCommandException command && command.getErrorCode() == 11000;
    }

    private static long countOf(Document counter) {
        Number count = counter == null ? null : counter.get("count", Number.class);
        return count == null ? 1 : count.longValue();
    }

    /** Old windows remove themselves: a TTL index on {@code expiresAt} (made once, when the store first answers). */
    private void ensureIndex() {
        if (!indexed) {
            counters.createIndex(Indexes.ascending("expiresAt"),
                    new IndexOptions().name("expiresAt_ttl").expireAfter(0L, TimeUnit.SECONDS));
            indexed = true;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
