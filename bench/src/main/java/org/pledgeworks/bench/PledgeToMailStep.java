package org.pledgeworks.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.pledgeworks.infra.Endpoints;

/**
 * Figure 3: at 50 % of the signing maximum, from each 202 arriving at the load generator to the mail
 * catcher's {@code receivedAt} of that address's verification mail; after waiting until the mail
 * the steps before left queued has gone, so that the figure measures the path, not a queue.
 */
final class PledgeToMailStep {

    private final Settings settings;
    private final RunReport report;
    private final SignLoad sign;
    private final Endpoints endpoints;
    private final StackHttp http;
    private final InboxDrain drain;

    PledgeToMailStep(Settings settings, RunReport report, SignLoad sign, Endpoints endpoints, StackHttp http,
            InboxDrain drain) {
        this.settings = settings;
        this.report = report;
        this.sign = sign;
        this.endpoints = endpoints;
        this.http = http;
        this.drain = drain;
    }

    void measure(double signMax) throws Exception {
        ObjectNode node = report.root().putObject("pledgeToMail");
        if (signMax <= 0) {
            node.put("status", "skipped: no sustainable signing rate");
            return;
        }
        double rate = Math.max(1, signMax * 0.5);
        Console.say(String.format(Locale.ROOT, "(3) pledge to mail: %.0f/s (50%%) for %d s", rate, settings.mailRun().toSeconds()));
        drain.stop();
        awaitMailBacklog(node);
        URI inbox = endpoints.inboxApi().orElseThrow();
        http.delete(inbox);
        AcceptedPledges.clear();
        // The catcher keeps only its newest mails (a load test's flood would fill memory), fewer than a
        // minute at this rate: what arrives is collected as it arrives.
        Map<String, Long> received = new ConcurrentHashMap<>();
        ScheduledExecutorService collector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench-inbox-collect");
            thread.setDaemon(true);
            return thread;
        });
        collector.scheduleWithFixedDelay(() -> collect(inbox, received), 2, 2, TimeUnit.SECONDS);
        LoadRun.Result result;
        try {
            result = sign.run(rate, settings.mailRun(), "mail-50", true);
        } finally {
            collector.shutdown();
            collector.awaitTermination(30, TimeUnit.SECONDS);
        }
        node.set("load", report.figures(result));
        Map<String, Long> accepted = AcceptedPledges.snapshot();
        List<Long> latencies = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            collect(inbox, received);
            latencies.clear();
            accepted.forEach((address, at) -> {
                Long arrived = received.get(address);
                if (arrived != null) {
                    latencies.add(arrived - at);
                }
            });
            if (latencies.size() >= accepted.size()) {
                break;
            }
            Thread.sleep(1000);
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        node.put("accepted", accepted.size());
        node.put("mailsMatched", sorted.length);
        node.put("method", "from the 202 arriving at the load generator to the mail catcher's receivedAt for that address");
        if (sorted.length > 0) {
            node.put("p50Millis", Figures.percentile(sorted, 50));
            node.put("p95Millis", Figures.percentile(sorted, 95));
            node.put("p99Millis", Figures.percentile(sorted, 99));
            node.put("maxMillis", sorted[sorted.length - 1]);
            node.put("targetP99Millis", 1000);
            node.put("p99WithinTarget", Figures.percentile(sorted, 99) <= 1000);
        }
        Console.say(String.format(Locale.ROOT, "    %d accepted, %d mails matched; p50 %s ms, p95 %s ms, p99 %s ms (target p99 <= 1000)",
                accepted.size(), sorted.length, node.path("p50Millis").asText("-"), node.path("p95Millis").asText("-"),
                node.path("p99Millis").asText("-")));
        handoverTimer(node);
    }

    /** Each address's first mail in the catcher now: when it arrived there. */
    private void collect(URI inbox, Map<String, Long> received) {
        try {
            JsonNode messages = RunReport.JSON.readTree(http.body(inbox));
            for (JsonNode message : messages) {
                long at = Instant.parse(message.get("receivedAt").asText()).toEpochMilli();
                for (JsonNode to : message.path("to")) {
                    received.merge(to.asText().toLowerCase(Locale.ROOT), at, Math::min);
                }
            }
        } catch (IOException e) {
            Console.say("    inbox unreadable for a moment: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The ramps and the steady run may have signed faster than verification mail goes out; the mail
     * they left queued would share the run below and measure the queue, not the path. Waits (up to
     * ten minutes) until notification-service has no transactional mail left to send, and reports
     * how much there was and how long it took.
     */
    private void awaitMailBacklog(ObjectNode node) throws InterruptedException {
        ObjectNode backlog = node.putObject("backlogBefore");
        Instant began = Instant.now();
        Instant deadline = began.plus(Duration.ofMinutes(10));
        try (MongoClient client = MongoClients.create(endpoints.mongoUri())) {
            MongoCollection<Document> deliveries = client.getDatabase("pledgeworks-notifications")
                    .getCollection("deliveries");
            Document unsent = new Document("status", new Document("$in", List.of("QUEUED", "SENDING")))
                    .append("bulk", new Document("$ne", true));
            long first = deliveries.countDocuments(unsent);
            long left = first;
            backlog.put("unsentAtStart", first);
            if (first > 0) {
                Console.say(String.format(Locale.ROOT, "    %,d verification mails still queued from the runs before: waiting",
                        first));
            }
            while (left > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(5000);
                left = deliveries.countDocuments(unsent);
            }
            long seconds = Duration.between(began, Instant.now()).toSeconds();
            backlog.put("unsentAtEnd", left);
            backlog.put("waitedSeconds", seconds);
            if (first > 0) {
                backlog.put("drainedPerSecond", seconds == 0 ? first : (first - left) / (double) seconds);
                Console.say(String.format(Locale.ROOT, "    backlog %,d -> %,d in %d s", first, left, seconds));
            }
        }
    }

    /** notification-service's own view, when it has the timer: count and max of notification_mails_handover. */
    private void handoverTimer(ObjectNode node) {
        String metrics = http.get(endpoints.notificationService().resolve("/actuator/prometheus")).orElse("");
        ObjectNode timer = RunReport.JSON.createObjectNode();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("notification_mails_handover_seconds_count") || line.startsWith("notification_mails_handover_seconds_max")
                    || line.startsWith("notification_mails_handover_seconds_sum")) {
                String[] parts = line.split(" ");
                timer.put(parts[0], Double.parseDouble(parts[parts.length - 1]));
            }
        }
        if (!timer.isEmpty()) {
            node.set("notificationServiceHandoverTimer", timer);
        }
    }
}
