package org.pledgeworks.gateway.edge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances' limiters (each with its own MongoDB client, as two processes would have) against
 * one MongoDB wire server share one budget; a store that does not answer leaves each instance to limit alone.
 */
class SharedRateLimitsTest {

    private static final Duration PERIOD = Duration.ofMinutes(10);

    /** The start of a 10-minute window, a day ahead so no expiry date in these counters is in the past. */
    private static final Instant START = Instant.ofEpochMilli(Math.floorDiv(
            TestClock.now().plus(Duration.ofDays(1)).toEpochMilli(), PERIOD.toMillis()) * PERIOD.toMillis());

    private final AtomicReference<Instant> now = new AtomicReference<>(START);

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private MongoServer mongo;

    private String uri;

    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void startMongo() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        mongo.shutdownNow();
    }

    private SharedRateLimits instance(String storeUri, SimpleMeterRegistry meters) {
        // a generous timeout: builds share a busy machine, and a slow answer would fail over to memory
        return instance(storeUri, meters, Duration.ofSeconds(5));
    }

    private SharedRateLimits instance(String storeUri, SimpleMeterRegistry meters, Duration timeout) {
        SharedRateLimits limits = new SharedRateLimits(
                new MongoRateLimitStore(storeUri, "pledgeworks-gateway", timeout, clock),
                Duration.ofSeconds(5), clock, meters);
        closing.add(limits);
        return limits;
    }

    private static ClientRateLimiter.Verdict take(SharedRateLimits limits, String client, ClientRateLimiter local) {
        return limits.take("pledge-data-requests", client, 3, PERIOD, local).block(Duration.ofSeconds(10));
    }

    @Test
    void twoInstancesShareOneBudgetAndBothRefuseOnceItIsSpent() {
        SharedRateLimits a = instance(uri, new SimpleMeterRegistry());
        SharedRateLimits b = instance(uri, new SimpleMeterRegistry());
        // each instance's own buckets would allow 3 each, 6 in all: the shared store must stop at 3
        ClientRateLimiter localA = new ClientRateLimiter(3, PERIOD);
        ClientRateLimiter localB = new ClientRateLimiter(3, PERIOD);

        assertThat(take(a, "198.51.100.7", localA).allowed()).isTrue();
        assertThat(take(b, "198.51.100.7", localB).allowed()).isTrue();
        ClientRateLimiter.Verdict third = take(a, "198.51.100.7", localA);
        assertThat(third.allowed()).isTrue();
        assertThat(third.remaining()).isZero();

        now.set(now.get().plusSeconds(60));
        ClientRateLimiter.Verdict refusedByB = take(b, "198.51.100.7", localB);
        ClientRateLimiter.Verdict refusedByA = take(a, "198.51.100.7", localA);
        assertThat(refusedByB.allowed()).isFalse();
        assertThat(refusedByA.allowed()).isFalse();
        // Retry-After: until the 10-minute window ends, 9 minutes after the minute that passed
        assertThat(refusedByB.retryAfterSeconds()).isEqualTo(540);

        // another client has a budget of its own
        assertThat(take(b, "203.0.113.50", localB).allowed()).isTrue();
    }

    @Test
    void theNextWindowBringsANewBudgetAndOldWindowsAreSetToExpire() {
        SharedRateLimits a = instance(uri, new SimpleMeterRegistry());
        ClientRateLimiter local = new ClientRateLimiter(3, PERIOD);
        for (int i = 0; i < 3; i++) {
            take(a, "198.51.100.7", local);
        }
        assertThat(take(a, "198.51.100.7", local).allowed()).isFalse();

        now.set(now.get().plus(PERIOD));
        assertThat(take(a, "198.51.100.7", local).allowed()).isTrue();

        try (MongoClient reader = MongoClients.create(uri)) {
            MongoCollection<Document> counters = reader.getDatabase("pledgeworks-gateway").getCollection("rateLimits");
            Document first = counters.find(new Document("_id",
                    "pledge-data-requests|198.51.100.7|" + START.toEpochMilli())).first();
            assertThat(first).isNotNull();
            assertThat(first.get("count", Number.class).longValue()).isEqualTo(4);
            // gone one period after its window ended
            assertThat(first.getDate("expiresAt").toInstant()).isEqualTo(START.plus(PERIOD).plus(PERIOD));
            // (the TTL index on expiresAt is asked for, but mongo-java-server ignores secondary indexes)
        }
    }

    @Test
    void aStoreThatDoesNotAnswerLeavesEachInstanceToLimitAloneAndSaysSoInAMetric() throws IOException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        SharedRateLimits a = instance("mongodb://127.0.0.1:" + closedPort(), meters, Duration.ofMillis(300));
        ClientRateLimiter local = new ClientRateLimiter(2, PERIOD);

        long started = System.nanoTime();
        assertThat(take(a, "198.51.100.7", local).allowed()).as("fails open to the local bucket").isTrue();
        assertThat(take(a, "198.51.100.7", local).allowed()).isTrue();
        ClientRateLimiter.Verdict third = take(a, "198.51.100.7", local);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(third.allowed()).as("the local limit still holds").isFalse();
        assertThat(third.retryAfterSeconds()).isPositive();
        assertThat(meters.counter(SharedRateLimits.UNAVAILABLE_METRIC).count()).isEqualTo(3.0);
        // one short timeout, then the store is left alone: not the driver's 30 s, not a wait per request
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
