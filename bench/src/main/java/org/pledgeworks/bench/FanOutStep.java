package org.pledgeworks.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pledgeworks.infra.Endpoints;

/**
 * Figure 4: one campaign update to N subscribers. Measures the {@link ProviderFake} alone
 * ({@link ProviderCeiling}), seeds the demo campaign's subscribers ({@link SubscriberSeeding}), publishes
 * one {@code campaign-update-published.v1} to {@code campaigns} as campaign-service would, and follows
 * the mails arriving at the fake: emails/s from the first accepted to the last, duplicates,
 * completeness, notification-service's heap (its Prometheus {@code jvm_memory_used_bytes}, area heap)
 * and RSS. Each size is bounded in time; a size that runs out of time is marked incomplete.
 * A little over 300 lines on purpose: it is one measurement, and its phases share the sizes, the fake
 * and the deadline; the parts that stand alone are their own classes already (those linked above).
 */
final class FanOutStep {

    static final String DATABASE = "pledgeworks-notifications";
    static final String CAMPAIGN_ID = "c-demo-forced-labour";
    static final String CAMPAIGN_SLUG = "no-forced-labour";
    static final String CAMPAIGN_TITLE = "Buy only goods made without forced labour";
    /** The provider fake's API key: bench/run gives notification-service the same (MAIL_PROVIDER_API_KEY). */
    static final String PROVIDER_KEY = Optional.ofNullable(System.getenv("MAIL_PROVIDER_API_KEY")).orElse("bench-provider-key");

    private final Settings settings;
    private final RunReport report;
    private final String mongoUri;
    private final String kafka;
    private final URI notificationService;
    private final String publicBase;
    private final Supplier<Optional<ProcessHandle>> notificationProcess;
    private final Supplier<Optional<ProcessHandle>> mongoProcess;
    private final ProviderFake fake;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code fake} is null when bench/run did not send bulk mail to one: the step then says why it measured nothing. */
    FanOutStep(Settings settings, RunReport report, Endpoints endpoints, String publicBase,
            Supplier<Optional<ProcessHandle>> notificationProcess, Supplier<Optional<ProcessHandle>> mongoProcess,
            ProviderFake fake) {
        this.settings = settings;
        this.report = report;
        this.mongoUri = endpoints.mongoUri();
        this.kafka = endpoints.kafkaBootstrapServers();
        this.notificationService = endpoints.notificationService();
        this.publicBase = publicBase;
        this.notificationProcess = notificationProcess;
        this.mongoProcess = mongoProcess;
        this.fake = fake;
    }

    /** The fake binds where bench/run told notification-service to send (MAIL_PROVIDER_URL), when bulk mail goes by HTTP. */
    static ProviderFake startProvider() throws IOException {
        String url = System.getenv("MAIL_PROVIDER_URL");
        if (!"http".equals(System.getenv("MAIL_BULK_TRANSPORT")) || url == null) {
            Console.say("warning: MAIL_BULK_TRANSPORT=http and MAIL_PROVIDER_URL are not set: no fan-out figure (bench/run sets them)");
            return null;
        }
        ProviderFake fake = new ProviderFake(URI.create(url).getPort(), PROVIDER_KEY, 4);
        Console.say("provider fake on 127.0.0.1:" + fake.port() + " (notification-service's bulk mail goes there)");
        return fake;
    }

    /** The fake alone, then each size of the settings in turn, into the results file's {@code fanOut} section. */
    void measure() throws Exception {
        ObjectNode node = report.root().putObject("fanOut");
        node.put("sizes", Arrays.toString(settings.fanOutSizes()));
        if (!prometheus().orElse("").contains("notification_fanout_published")) {
            node.put("status", "not available: the notification-service jar that ran has no fan-out"
                    + " (no notification_fanout_published metric)");
            Console.say("(4) fan-out: not available (notification-service has no fan-out)");
            return;
        }
        if (fake == null) {
            node.put("status", "not available: no provider fake (run through bench/run, which sets MAIL_BULK_TRANSPORT=http"
                    + " and MAIL_PROVIDER_URL)");
            Console.say("(4) fan-out: " + node.get("status").asText());
            return;
        }
        node.put("provider", "ProviderFake in the harness JVM on 127.0.0.1:" + fake.port()
                + ": notification-service's HTTP batch API, 500 mails a call at most, nothing stored but counts");
        node.put("providerRateLimitPerSecond", System.getenv().getOrDefault("MAIL_PROVIDER_RATE_PER_SECOND", "1000 (default)"));
        node.put("boundPerSizeMinutes", settings.fanOutBound().toMinutes());
        Console.say("(4) fan-out: the provider fake alone for " + settings.ceilingRun().toSeconds() + " s");
        ObjectNode ceiling = new ProviderCeiling(fake, publicBase).measure(settings.ceilingRun(), 4);
        node.set("fakeAlone", ceiling);
        long fakeRate = ceiling.get("emailsPerSecond").asLong();
        Console.say(String.format(Locale.ROOT, "    the fake alone accepts %,d emails/s", fakeRate));
        SubscriberSeeding seeding = new SubscriberSeeding(mongoUri);
        ArrayNode sizes = node.putArray("runs");
        for (int size : settings.fanOutSizes()) {
            Console.say(String.format(Locale.ROOT, "    seeding %,d subscribers of %s into %s", size, CAMPAIGN_ID, DATABASE));
            ObjectNode seed = seeding.seedTo(size, false);
            Console.say(String.format(Locale.ROOT, "    seeded in %.0f s (%,d documents/s)", seed.get("seconds").asDouble(),
                    seed.get("documentsPerSecond").asLong()));
            ObjectNode run = fanOut(size, settings.fanOutBound(), Duration.ofSeconds(settings.mode().equals("smoke") ? 60 : 120));
            run.set("seeding", seed);
            double rate = run.get("emailsPerSecond").asDouble();
            run.put("ratioToFakeAlone", fakeRate > 0 ? Figures.round(rate / fakeRate) : 0);
            run.put("targetEmailsPerSecond", 5000);
            run.put("withinTarget", rate >= 5000 && run.get("complete").asBoolean());
            sizes.add(run);
            Console.say(String.format(Locale.ROOT, "    %,d subscribers: %s, %,d accepted (%s), %,.0f emails/s (%.2f of the fake alone),"
                    + " %d duplicates, peak heap %d MiB, peak RSS %d MiB", size, run.get("status").asText(),
                    run.get("accepted").asLong(), run.get("completeness").asText(), rate,
                    run.get("ratioToFakeAlone").asDouble(), run.get("duplicates").asLong(), run.get("peakHeapMiB").asLong(),
                    run.get("peakRssMiB").asLong()));
        }
        node.put("duplicatesTotal", fake.duplicates());
        node.put("refusedCalls", fake.refused());
    }

    // --- one update ---

    /** Publishes one update and follows it until every subscriber's mail is accepted, or {@code bound} runs out. */
    private ObjectNode fanOut(long subscribers, Duration bound, Duration stall) throws Exception {
        UUID eventId = UUID.randomUUID();
        ObjectNode node = RunReport.JSON.createObjectNode();
        node.put("subscribers", subscribers);
        node.put("eventId", eventId.toString());
        long publishedBefore = metric("notification_fanout_published_total").orElse(0.0).longValue();
        long duplicatesBefore = fake.duplicates();
        Samples samples = new Samples();
        samples.take(); // the heap before the update
        node.put("heapMiBBefore", samples.lastHeapMiB);
        Instant begin = Instant.now();
        long publishNanos = System.nanoTime();
        CampaignUpdate.publish(kafka, publicBase, eventId, CAMPAIGN_ID, CAMPAIGN_SLUG, CAMPAIGN_TITLE);
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

    private Optional<Long> heapMiB() {
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

    private Optional<Double> metric(String name) {
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
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
