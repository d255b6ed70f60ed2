package org.pledgeworks.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * Figure 4: one campaign update to N subscribers. Seeds the demo campaign's subscribers straight
 * into notification-service's database (the documents its consent path writes: {@code subscribers},
 * {@code consents}, {@code subscriptions} with {@code _id = <campaignId>:<recipientId>}), publishes one
 * {@code campaign-update-published.v1} to {@code campaigns} as campaign-service would, and follows
 * the mails arriving at the {@link ProviderFake}: emails/s from the first accepted to the last,
 * duplicates, completeness, notification-service's heap (its Prometheus {@code jvm_memory_used_bytes},
 * area heap) and RSS. Each size is bounded in time; a size that runs out of time is marked incomplete.
 */
final class FanOutStep {

    static final String DATABASE = "pledgeworks-notifications";
    static final String CAMPAIGN_ID = "c-demo-forced-labour";
    static final String CAMPAIGN_SLUG = "no-forced-labour";
    static final String CAMPAIGN_TITLE = "Buy only goods made without forced labour";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String mongoUri;
    private final String kafka;
    private final URI notificationService;
    private final String publicBase;
    private final Supplier<Optional<ProcessHandle>> notificationProcess;
    private final Supplier<Optional<ProcessHandle>> mongoProcess;
    private final ProviderFake fake;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private long seeded;

    FanOutStep(String mongoUri, String kafka, URI notificationService, String publicBase,
            Supplier<Optional<ProcessHandle>> notificationProcess, Supplier<Optional<ProcessHandle>> mongoProcess,
            ProviderFake fake) {
        this.mongoUri = mongoUri;
        this.kafka = kafka;
        this.notificationService = notificationService;
        this.publicBase = publicBase;
        this.notificationProcess = notificationProcess;
        this.mongoProcess = mongoProcess;
        this.fake = fake;
    }

    // --- the fake alone: its accept ceiling, for the ratio ---

    /**
     * Blasts the fake with batches of 500 mails of the size notification-service sends (four client
     * threads, each one call at a time, for {@code duration}); accepted/s is the ceiling of the fake
     * together with a client on the same cores, the denominator of the fan-out ratio.
     */
    ObjectNode ceiling(Duration duration, int threads) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI endpoint = URI.create("http://127.0.0.1:" + fake.port() + "/v1/messages/batch");
        String message = UUID.randomUUID().toString();
        String text = "Hello there,\\n\\n" + "Three brands answered our letter. ".repeat(12) + "\\n\\nUnsubscribe: "
                + publicBase + "/unsubscribe?t=" + "x".repeat(120);
        String html = "<p>Hello there,</p><p>" + "Three brands <strong>answered</strong> our letter. ".repeat(12)
                + "</p><p><a href=\\\"" + publicBase + "/unsubscribe?t=" + "x".repeat(120) + "\\\">Unsubscribe</a></p>";
        AtomicLong counter = new AtomicLong();
        long until = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CpuMeter cpu = new CpuMeter();
        CpuMeter.Sample before = cpu.sample();
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                long failures = 0;
                while (System.nanoTime() < until) {
                    StringBuilder body = new StringBuilder(2_000 * ProviderFake.MAX_BATCH).append("{\"messages\":[");
                    for (int i = 0; i < ProviderFake.MAX_BATCH; i++) {
                        long n = counter.incrementAndGet();
                        if (i > 0) {
                            body.append(',');
                        }
                        body.append("{\"idempotencyKey\":\"").append(message).append(":campaign-update:r").append(n)
                                .append("\",\"from\":\"Pledgeworks <no-reply@pledgeworks.local>\",\"to\":\"c").append(n)
                                .append("@bench.pledgeworks.test\",\"subject\":\"Three brands answered\",\"text\":\"")
                                .append(text).append("\",\"html\":\"").append(html)
                                .append("\",\"headers\":{\"Message-ID\":\"<").append(n)
                                .append("@pledgeworks.local>\",\"List-Unsubscribe-Post\":\"List-Unsubscribe=One-Click\"}}");
                    }
                    body.append("]}");
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint)
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + Bench.PROVIDER_KEY)
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        failures++;
                    }
                }
                return failures;
            }));
        }
        long failures = 0;
        for (Future<Long> f : results) {
            failures += f.get();
        }
        pool.shutdown();
        CpuMeter.Usage usage = cpu.since(before);
        ProviderFake.Tally tally = fake.tally(message);
        ObjectNode node = JSON.createObjectNode();
        node.put("method", threads + " client threads in the harness JVM, one call of 500 mails (~1.9 KB each) at a time"
                + " per thread, for " + duration.toSeconds() + " s; the client shares the cores with the fake");
        node.put("acceptedEmails", tally.accepted.get());
        node.put("emailsPerSecond", Math.round(tally.rate()));
        node.put("failedCalls", failures);
        node.put("harnessCpuShare", Math.round(usage.generatorShare() * 1000) / 1000.0);
        return node;
    }

    // --- seeding ---

    /**
     * Adds subscribers {@code seeded .. total-1} to the demo campaign, 1,000 per insertMany. Only
     * {@code subscriptions} by default: the fan-out path reads nothing else (FanOut streams
     * subscriptions, the listener checks suppressions), and the embedded MongoDB server inserts a
     * few thousand documents a second at best, so three collections would triple the seeding time
     * of the million. {@code withPeople} adds the {@code subscribers} and {@code consents} documents.
     */
    ObjectNode seedTo(long total, boolean withPeople) throws Exception {
        ObjectNode node = JSON.createObjectNode();
        Instant begin = Instant.now();
        long from = seeded;
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase db = client.getDatabase(DATABASE);
            MongoCollection<Document> subscribers = db.getCollection("subscribers");
            MongoCollection<Document> consents = db.getCollection("consents");
            MongoCollection<Document> subscriptions = db.getCollection("subscriptions");
            InsertManyOptions unordered = new InsertManyOptions().ordered(false);
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            Date now = new Date();
            for (long start = from; start < total; start += 1000) {
                long end = Math.min(total, start + 1000);
                List<Document> people = new ArrayList<>(1000);
                List<Document> given = new ArrayList<>(1000);
                List<Document> subs = new ArrayList<>(1000);
                for (long i = start; i < end; i++) {
                    String recipientId = HexFormat.of().formatHex(sha1.digest(("bench-subscriber-" + i)
                            .getBytes(StandardCharsets.UTF_8)));
                    String email = "s" + i + "@bench.pledgeworks.test";
                    String name = "Subscriber " + i;
                    String locale = i % 5 == 0 ? "fr" : "en";
                    String consentId = "bench-consent-" + i;
                    people.add(new Document("_id", recipientId).append("email", email).append("name", name)
                            .append("locale", locale).append("createdAt", now).append("updatedAt", now));
                    given.add(new Document("_id", consentId).append("recipientId", recipientId)
                            .append("campaignId", CAMPAIGN_ID).append("purpose", "campaign-updates")
                            .append("wordingVersion", "1").append("wordingHash", "sha256:bench").append("givenAt", now)
                            .append("source", new Document("type", "pledge").append("id", "bench-signature-" + i))
                            .append("ipHash", null));
                    subs.add(new Document("_id", CAMPAIGN_ID + ":" + recipientId).append("campaignId", CAMPAIGN_ID)
                            .append("recipientId", recipientId).append("email", email).append("name", name)
                            .append("locale", locale).append("status", "ACTIVE").append("consentId", consentId)
                            .append("since", now));
                }
                if (withPeople) {
                    subscribers.insertMany(people, unordered);
                    consents.insertMany(given, unordered);
                }
                subscriptions.insertMany(subs, unordered);
                seeded = end;
            }
            node.put("activeSubscriptionsOfTheCampaign", countActive(subscriptions));
        }
        double seconds = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
        node.put("inserted", total - from);
        node.put("seconds", seconds);
        node.put("collections", withPeople ? "subscriptions, subscribers, consents" : "subscriptions");
        node.put("documentsPerSecond", seconds > 0 ? Math.round((withPeople ? 3 : 1) * (total - from) / seconds) : 0);
        return node;
    }

    /**
     * Counts by reading the campaign's _id range as the fan-out does: the embedded server reads
     * that in batches, while a countDocuments (an aggregation there) holds every match at once and
     * ran its 1 GiB heap out at a million.
     */
    private static long countActive(MongoCollection<Document> subscriptions) {
        long active = 0;
        Document range = new Document("_id", new Document("$gt", CAMPAIGN_ID + ":").append("$lt", CAMPAIGN_ID + ";"))
                .append("status", "ACTIVE");
        try (MongoCursor<Document> cursor = subscriptions.find(range).sort(new Document("_id", 1)).batchSize(1000).iterator()) {
            while (cursor.hasNext()) {
                cursor.next();
                active++;
            }
        }
        return active;
    }

    // --- one update ---

    /** Publishes one update and follows it until every subscriber's mail is accepted, or {@code bound} runs out. */
    ObjectNode fanOut(long subscribers, Duration bound, Duration stall) throws Exception {
        UUID eventId = UUID.randomUUID();
        ObjectNode node = JSON.createObjectNode();
        node.put("subscribers", subscribers);
        node.put("eventId", eventId.toString());
        long publishedBefore = metric("notification_fanout_published_total").orElse(0.0).longValue();
        long duplicatesBefore = fake.duplicates();
        Samples samples = new Samples();
        samples.take(); // the heap before the update
        node.put("heapMiBBefore", samples.lastHeapMiB);
        Instant begin = Instant.now();
        long publishNanos = System.nanoTime();
        publish(eventId);
        ProviderFake.Tally tally = fake.tally(eventId.toString());
        long lastProgress = System.nanoTime();
        long lastCount = 0;
        ArrayNode timeline = node.putArray("timeline");
        int tick = 0;
        String end = "complete";
        while (tally.accepted.get() < subscribers) {
            Thread.sleep(1000);
            samples.take();
            long count = tally.accepted.get();
            if (count > lastCount) {
                lastProgress = System.nanoTime();
                lastCount = count;
            }
            if (++tick % 5 == 0) {
                ObjectNode point = timeline.addObject();
                point.put("second", tick);
                point.put("accepted", count);
                point.put("heapMiB", samples.lastHeapMiB);
                point.put("rssMiB", samples.lastRssMiB);
            }
            if (Duration.between(begin, Instant.now()).compareTo(bound) >= 0) {
                end = "incomplete: stopped after the bound of " + bound.toMinutes() + " min";
                break;
            }
            if (System.nanoTime() - lastProgress > stall.toNanos()) {
                end = "incomplete: no mail accepted for " + stall.toSeconds() + " s";
                break;
            }
            if (notificationProcess.get().isEmpty()) {
                end = "incomplete: notification-service is not running";
                break;
            }
        }
        long accepted = tally.accepted.get();
        node.put("status", end);
        node.put("complete", accepted >= subscribers);
        node.put("accepted", accepted);
        node.put("completeness", Math.round(1000.0 * accepted / subscribers) / 1000.0);
        node.put("duplicates", fake.duplicates() - duplicatesBefore);
        node.put("emailsPerSecond", Math.round(tally.rate()));
        node.put("firstAcceptedAfterPublishSeconds", tally.accepted.get() == 0 ? -1
                : Math.round((tally.firstNanos - publishNanos) / 1e6) / 1000.0);
        node.put("wallSeconds", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        node.put("fanOutPublished", metric("notification_fanout_published_total").orElse(0.0).longValue() - publishedBefore);
        node.put("peakHeapMiB", samples.peakHeapMiB);
        node.put("peakRssMiB", samples.peakRssMiB);
        notificationProcess.get().flatMap(Machine::peakRssMiB).ifPresent(v -> node.put("vmHwmMiB", v));
        node.put("mongoPeakRssMiB", samples.peakMongoRssMiB);
        node.put("heapSampling", "every second, notification-service /actuator/prometheus, sum of jvm_memory_used_bytes{area=\"heap\"}");
        return node;
    }

    private void publish(UUID eventId) throws Exception {
        String updateId = "u-bench-" + eventId;
        ObjectNode event = JSON.createObjectNode();
        event.put("eventId", eventId.toString());
        event.put("occurredAt", Instant.now().toString());
        event.put("campaignId", CAMPAIGN_ID);
        event.put("campaignSlug", CAMPAIGN_SLUG);
        event.put("campaignTitle", CAMPAIGN_TITLE);
        event.put("updateId", updateId);
        event.put("locale", "en");
        event.put("title", "Three brands answered");
        event.put("bodyHtml", "<p>Three brands <strong>answered</strong> our letter.</p>");
        event.put("bodyText", "Three brands answered our letter.");
        event.put("url", publicBase + "/campaign.html?slug=" + CAMPAIGN_SLUG + "#update-" + updateId);
        ObjectNode fr = event.putArray("variants").addObject();
        fr.put("locale", "fr");
        fr.put("title", "Trois marques ont répondu");
        fr.put("bodyHtml", "<p>Trois marques ont <strong>répondu</strong>.</p>");
        fr.put("bodyText", "Trois marques ont répondu.");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            ProducerRecord<String, String> record = new ProducerRecord<>("campaigns", CAMPAIGN_ID, JSON.writeValueAsString(event));
            record.headers().add("ce_type", bytes("campaign-update-published.v1"))
                    .add("ce_id", bytes(eventId.toString()))
                    .add("ce_source", bytes("campaign-service"))
                    .add("ce_specversion", bytes("1.0"))
                    .add("ce_time", bytes(event.get("occurredAt").asText()))
                    .add("content-type", bytes("application/json"));
            producer.send(record).get();
        }
    }

    /** Heap of notification-service (Prometheus), its RSS and MongoDB's, peaks kept. */
    private final class Samples {
        long lastHeapMiB = -1;
        long lastRssMiB = -1;
        long peakHeapMiB = -1;
        long peakRssMiB = -1;
        long peakMongoRssMiB = -1;

        void take() {
            heapMiB().ifPresent(h -> {
                lastHeapMiB = h;
                peakHeapMiB = Math.max(peakHeapMiB, h);
            });
            notificationProcess.get().flatMap(Machine::rssMiB).ifPresent(r -> {
                lastRssMiB = r;
                peakRssMiB = Math.max(peakRssMiB, r);
            });
            mongoProcess.get().flatMap(Machine::rssMiB).ifPresent(r -> peakMongoRssMiB = Math.max(peakMongoRssMiB, r));
        }
    }

    Optional<Long> heapMiB() {
        return prometheus().map(text -> {
            double sum = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return (long) (sum / (1024 * 1024));
        });
    }

    Optional<Double> metric(String name) {
        return prometheus().flatMap(text -> {
            double sum = 0;
            boolean found = false;
            for (String line : text.split("\n")) {
                if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    found = true;
                }
            }
            return found ? Optional.of(sum) : Optional.empty();
        });
    }

    private Optional<String> prometheus() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(notificationService.resolve("/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    static String formatRate(double rate) {
        return String.format(Locale.ROOT, "%,.0f/s", rate);
    }
}
