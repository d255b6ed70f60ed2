package org.pledgeworks.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The soak's steady traffic through the gateway: one signature of the demo pledge every 1/rate
 * seconds, each with an address of its own, and a public read (the count, the campaign, the list) every
 * fifth tick. Paced, not Gatling: the soak runs for an hour beside seeding and fan-outs, and what it
 * needs is every accepted address, not a latency histogram. At most {@link #IN_FLIGHT} signatures wait
 * for an answer; a tick that finds them all waiting is counted as skipped, not queued, so a slow stack
 * is not buried under a backlog the harness made. An answer may take {@link #TIMEOUT}: the soak looks
 * for failures, not latency, and a request that timed out leaves open whether it was stored.
 */
final class SoakSigning implements AutoCloseable {

    static final int IN_FLIGHT = 64;
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = client();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-soak-sign");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final String base;
    private final String prefix;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final StatusCounts refused = new StatusCounts();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong noAnswer = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong readErrors = new AtomicLong();
    private long ticks;

    /**
     * HTTP/1.1: the JDK client otherwise offers an upgrade to h2c on every request without a body; in the
     * first proofs such confirmations were answered 200 in the gateway's log and never completed here, and
     * half the reads failed.
     */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    SoakSigning(String base, String runId) {
        this.base = base;
        this.prefix = "soak-" + runId + ".";
    }

    void start(double rate) {
        long periodMicros = Math.round(1_000_000 / rate);
        pacer.scheduleAtFixedRate(this::tick, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** Stops signing and waits (up to 30 s) for the answers still due. */
    void stop() throws InterruptedException {
        pacer.shutdownNow();
        if (inFlight.tryAcquire(IN_FLIGHT, 30, TimeUnit.SECONDS)) {
            inFlight.release(IN_FLIGHT);
        }
    }

    /** Whether {@code email} is one of this soak's addresses (the inbox holds only the stack's mail, but be sure). */
    boolean ours(String email) {
        return email.startsWith(prefix);
    }

    Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    long acceptedCount() {
        return accepted.size();
    }

    private void tick() {
        if (++ticks % 5 == 0) {
            read();
        }
        if (!inFlight.tryAcquire()) {
            skipped.incrementAndGet();
            return;
        }
        String email = (prefix + sent.incrementAndGet() + "@bench.example.org").toLowerCase(Locale.ROOT);
        String body = SignSimulation.BODY.replace("#{email}", email);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/campaigns/" + SignSimulation.SLUG + "/pledges"))
                .timeout(TIMEOUT).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            inFlight.release();
            if (failure != null) {
                noAnswer.incrementAndGet();
            } else if (response.statusCode() == 202) {
                accepted.add(email);
            } else {
                refused.add(response.statusCode());
            }
        });
    }

    private void read() {
        String path = switch ((int) (ticks / 5 % 3)) {
            case 0 -> "/api/campaigns/" + SignSimulation.SLUG + "/count";
            case 1 -> "/api/campaigns/" + SignSimulation.SLUG;
            default -> "/api/campaigns";
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Accept", "application/json").GET().build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            reads.incrementAndGet();
            if (failure != null || response.statusCode() != 200) {
                readErrors.incrementAndGet();
            }
        });
    }

    /** Requests that were not a 202: refused by status, or no answer within {@link #TIMEOUT}. */
    long errors() {
        return noAnswer.get() + refused.total();
    }

    ObjectNode figures() {
        ObjectNode node = RunReport.JSON.createObjectNode();
        node.put("sent", sent.get());
        node.put("accepted", accepted.size());
        refused.writeTo(node, "refusedByStatus");
        node.put("noAnswerWithin" + TIMEOUT.toSeconds() + "s", noAnswer.get());
        node.put("ticksSkippedWith" + IN_FLIGHT + "InFlight", skipped.get());
        node.put("publicReads", reads.get());
        node.put("publicReadErrors", readErrors.get());
        return node;
    }

    @Override
    public void close() {
        pacer.shutdownNow();
    }
}
