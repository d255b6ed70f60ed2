package org.pledgeworks.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgeworks.infra.Eventually.eventually;
import static org.pledgeworks.infra.Eventually.pause;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 24's proof: faults of real life on the real stack, started as {@code ./pledgeworks up} starts it,
 * and what a signer, a subscriber and an operator notice once the fault has passed. One stack for the
 * three faults, each a few dozen seconds; the stack under test gets, as JVM options through the
 * launcher, a MongoDB server-selection timeout of {@value #SERVER_SELECTION_SECONDS} s instead of the
 * driver's 30 s (so "longer than the retry budget" fits the suite's time), a fan-out lease of 10 s instead
 * of 60 s, and no gateway rate limit on signing. The sending timeout (what a restarted
 * notification-service waits out before it sends what a dead instance had claimed) stays at its 2 min:
 * a live instance's claims wait in its queue for up to the fan-out's send patience (60 s) and the queue's
 * draining, and a shorter timeout releases those too, so they are sent twice without any fault (15 s
 * did: 138 mails sent again where at most 80 were in flight).
 *
 * <p>Part of every {@code ./pledgeworks test} and of CI: 6 to 8 minutes, most of them the stack's start and
 * the 2 minutes a restarted sender waits out (docs/operations.md, "Faults", says what it proves).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final String DEMO = "no-forced-labour";
    static final int SERVER_SELECTION_SECONDS = 5;
    /**
     * A listener's old budget before it dead-lettered: 4 tries (retry-attempts 3) of a server selection
     * each, 500 ms apart, 21.5 s here (2 minutes with the driver's default). The outage is longer.
     */
    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(30);
    private static final Duration BROKER_FREEZE = Duration.ofSeconds(30);
    /** 10,000 recipients as the issue asks: seeded in ~2 s, mailed over SMTP to the mail catcher in well under a minute. */
    private static final int FAN_OUT_RECIPIENTS = 10_000;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final Path data = Path.of("target", "faults-stack-" + System.currentTimeMillis()).toAbsolutePath();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private LocalStack stack;
    private Endpoints endpoints;
    private StackUser user;

    @BeforeAll
    void startTheStack() {
        StackConfig config = StackConfig.defaults(StackConfig.findHome()).withDataDir(data).withFreePorts()
                .withStartTimeout(Duration.ofMinutes(8));
        config = config.withServiceJavaOptions(List.of(
                "-Dspring.mongodb.uri=mongodb://" + StackConfig.HOST + ":" + config.ports().mongo()
                        + "/?serverSelectionTimeoutMS=" + SERVER_SELECTION_SECONDS * 1000,
                "-Dpledgeworks.fanout.lease=10s",
                "-DPLEDGEWORKS_RATE_LIMIT_SIGNING=100000"));
        stack = new LocalStack(config, line -> System.out.println("[faults stack] " + line));
        endpoints = stack.start();
        user = new StackUser(endpoints);
        eventually("the demo campaign reaches pledge-service", PATIENCE, () -> user.count(DEMO), n -> n >= 0);
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * The database stopped (its process gone, so the driver sees connections refused, not a hang) just
     * as a campaign is published and three pledges are verified, for longer than the listeners' old
     * retry budget, then started again on the same data. SIGTERM, not SIGKILL: the embedded store
     * commits its writes once a second, and a database that forgets acknowledged writes is another
     * fault than the one tested here.
     */
    @Test
    @Order(1)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aDatabaseOutageLongerThanTheRetryBudgetLosesNoEventAndDeadLettersNothing() {
        String token = user.staffToken();
        Campaign counted = createCampaign(token, "fault-db-counted-" + run, List.of(3L));
        publish(token, counted);
        eventually("pledge-service knows the first campaign", PATIENCE, () -> user.count(counted.slug()), n -> n == 0);
        List<String> links = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = "db-outage-" + i + "-" + run + "@example.org";
            assertThat(user.sign(counted.slug(), email).statusCode()).isEqualTo(202);
            links.add(user.verificationLink(email, PATIENCE));
        }
        Campaign late = createCampaign(token, "fault-db-late-" + run, null);

        links.forEach(link -> assertThat(user.confirm(link).statusCode()).isEqualTo(200));
        publish(token, late);
        Instant down = Instant.now();
        stack.stop(LocalStack.MONGODB, Children.STOP_GRACE);
        pause(Duration.between(Instant.now(), down.plus(DATABASE_OUTAGE)));
        stack.restart(LocalStack.MONGODB);

        eventually("pledge-service accepts signatures for the campaign published as the database went",
                PATIENCE, () -> user.sign(late.slug(), "after-outage-" + run + "@example.org").statusCode(),
                status -> status == 202);
        eventually("the three verified signatures count", PATIENCE, () -> user.count(counted.slug()), n -> n == 3);
        eventually("the milestone of 3", PATIENCE, () -> milestones(counted), m -> !m.isEmpty());
        pause(Duration.ofSeconds(3)); // a second announcement would follow the first closely
        assertThat(milestones(counted)).as("one milestone-reached event (a relay's resend carries the same id)")
                .singleElement().satisfies(m -> assertThat(user.json(m.value()).get("threshold").asLong()).isEqualTo(3));
        assertThat(user.deadLetterCounts()).isNotEmpty().allSatisfy((topic, n) -> assertThat(n).as(topic).isZero());
    }

    /** SIGSTOP: the broker's connections stay open and nothing answers, as with a long GC pause or a hung VM. */
    @Test
    @Order(2)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aBrokerFrozenForThirtySecondsWhileSigningMailsEveryAcceptedPledgeOnce() {
        ProcessHandle broker = stack.process(LocalStack.KAFKA).orElseThrow();
        Instant start = Instant.now();
        Instant freezeAt = start.plusSeconds(5);
        Instant thawAt = freezeAt.plus(BROKER_FREEZE);
        List<String> accepted = new ArrayList<>();
        Map<String, Integer> refused = new HashMap<>();
        boolean frozen = false;
        boolean thawed = false;
        int acceptedWhileFrozen = 0;
        try {
            for (int i = 0; Instant.now().isBefore(thawAt.plusSeconds(5)); i++) {
                if (!frozen && !Instant.now().isBefore(freezeAt)) {
                    frozen = signal(broker, "STOP");
                }
                if (frozen && !thawed && !Instant.now().isBefore(thawAt)) {
                    thawed = signal(broker, "CONT");
                }
                String email = "frozen-broker-" + i + "-" + run + "@example.org";
                int status = user.sign(DEMO, email).statusCode();
                if (status == 202) {
                    accepted.add(email);
                    acceptedWhileFrozen += frozen && !thawed ? 1 : 0;
                }
                else {
                    refused.put(email, status);
                }
                pause(Duration.ofMillis(500));
            }
        }
        finally {
            if (frozen && !thawed) {
                signal(broker, "CONT");
            }
        }

        assertThat(thawed).isTrue();
        assertThat(refused).as("signing does not need the broker").isEmpty();
        // how many depends on the machine's load; that some were signed during the freeze does not
        assertThat(acceptedWhileFrozen).as("signatures accepted while the broker was frozen").isPositive();
        eventually("a mail for every accepted pledge", PATIENCE,
                () -> missing(accepted, user.receivedBy()), Set::isEmpty);
        pause(Duration.ofSeconds(3)); // a second mail would follow the first closely
        Map<String, List<String>> received = user.receivedBy();
        assertThat(accepted).allSatisfy(email -> assertThat(received.get(email)).as(email).hasSize(1));
        assertThat(user.deadLetterCounts()).allSatisfy((topic, n) -> assertThat(n).as(topic).isZero());
    }

    /**
     * kill -9 of notification-service while it mails an update to {@value #FAN_OUT_RECIPIENTS}
     * subscribers, then the same process started again: it takes over the fan-out (its lease ran out)
     * and the deliveries the dead one had claimed (their sending timeout ran out).
     *
     * <p>What the system can promise here is not "each mail sent once": SMTP has no idempotency, and a
     * kill between the relay's 250 and our record of it sends that mail again after the restart. A sender
     * records a batch (one SMTP connection's mails) once the whole batch is through, so at most the batches
     * in hand at the kill are sent twice. What it does promise: nobody is left out; every recipient gets
     * one message, with one Message-ID (made from the delivery's id, so a re-sent copy carries the same
     * one and mail clients show it once); and the copies sent again are no more than could be in flight.
     */
    @Test
    @Order(3)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void notificationServiceKilledDuringAFanOutLosesNobodyAndResendsNoMoreThanWasInFlight() {
        String campaignId = user.campaign(DEMO).get("campaignId").asText();
        Set<String> recipients = seedSubscribers(campaignId, FAN_OUT_RECIPIENTS);
        String token = user.staffToken();
        String updateId = user.staffPost(token, "/api/staff/campaigns/" + campaignId + "/updates",
                Map.of("title", "A fault-tested update " + run, "body", "Every subscriber gets this **once**."))
                .get("updateId").asText();

        user.staffPost(token, "/api/staff/campaigns/" + campaignId + "/updates/" + updateId + "/publish", Map.of());
        int atKill = eventually("a fifth of the fan-out mailed", Duration.ofMinutes(2),
                () -> FAN_OUT_RECIPIENTS - missing(recipients, user.receivedBy()).size(), n -> n >= FAN_OUT_RECIPIENTS / 5);
        stack.stop(LocalStack.NOTIFICATION_SERVICE, Duration.ZERO);
        stack.restart(LocalStack.NOTIFICATION_SERVICE);

        // the dead instance's claims go back to the queue 2 min after they were made, then are sent
        eventually("every subscriber mailed (none lost)", Duration.ofMinutes(4),
                () -> missing(recipients, user.receivedBy()), Set::isEmpty);
        eventually("no delivery left queued or claimed", PATIENCE, this::unfinishedDeliveries, n -> n == 0);
        Map<String, List<String>> received = user.receivedBy();
        Map<String, Set<String>> messageIds = recipients.stream()
                .collect(Collectors.toMap(r -> r, r -> Set.copyOf(received.get(r))));
        long resent = recipients.stream().mapToLong(r -> received.get(r).size() - 1).sum();
        InFlight inFlight = InFlight.ofNotificationService(stack.config());
        System.out.printf("[faults] fan-out: %d of %d mailed when notification-service was killed; %d mails sent again"
                + " to %d recipients (at most %s)%n", atKill, FAN_OUT_RECIPIENTS, resent,
                recipients.stream().filter(r -> received.get(r).size() > 1).count(), inFlight);
        assertThat(messageIds).as("recipients with other than one Message-ID: two different mails, not one sent twice")
                .allSatisfy((recipient, ids) -> assertThat(ids).as(recipient).hasSize(1));
        assertThat(resent).as("mails sent again after the kill, at most %s", inFlight).isLessThanOrEqualTo(inFlight.mails());
        assertThat(user.deadLetterCounts()).allSatisfy((topic, n) -> assertThat(n).as(topic).isZero());
    }

    /**
     * What notification-service can have sent and not yet recorded at any moment: each bulk sender thread
     * holds one batch, at most one SMTP connection's mails, from its first MAIL FROM until the batch is
     * recorded. Read from the application.yml in the jar the stack runs (this test overrides neither);
     * a {@code ${VAR:default}} is the variable's value when the environment the stack inherits sets it.
     */
    private record InFlight(int senders, int mailsPerConnection) {

        private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+):([^}]*)}");

        static InFlight ofNotificationService(StackConfig config) {
            Path jar = config.jar(LocalStack.NOTIFICATION_SERVICE);
            Map<String, Object> yaml;
            try (FileSystem files = FileSystems.newFileSystem(jar)) {
                yaml = new Yaml().load(Files.readString(files.getPath("BOOT-INF/classes/application.yml")));
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException("reading application.yml in " + jar, e);
            }
            return new InFlight(setting(yaml, "pledgeworks", "delivery", "bulk-sender-threads"),
                    setting(yaml, "pledgeworks", "mail", "smtp-mails-per-connection"));
        }

        int mails() {
            return senders * mailsPerConnection;
        }

        @Override
        public String toString() {
            return mails() + " in flight: " + senders + " bulk senders x " + mailsPerConnection + " mails per SMTP connection";
        }

        @SuppressWarnings("unchecked")
        private static int setting(Map<String, Object> yaml, String... path) {
            Object value = yaml;
            for (String key : path) {
                value = ((Map<String, Object>) value).get(key);
            }
            String text = String.valueOf(value);
            Matcher placeholder = PLACEHOLDER.matcher(text);
            if (placeholder.matches()) {
                text = System.getenv().getOrDefault(placeholder.group(1), placeholder.group(2));
            }
            return Integer.parseInt(text.trim());
        }
    }

    // --- campaigns through the staff API ---

    private record Campaign(String id, String slug) {
    }

    private Campaign createCampaign(String token, String slug, List<Long> milestones) {
        Map<String, Object> campaign = new HashMap<>(Map.of("slug", slug, "title", "Fault test " + slug,
                "pledgeText", "I pledge to survive faults.", "defaultLocale", "en", "goal", 1000,
                "ownerOrganisation", "fair-supply-coalition"));
        if (milestones != null) {
            campaign.put("milestoneThresholds", milestones);
        }
        return new Campaign(user.staffPost(token, "/api/staff/campaigns", campaign).get("campaignId").asText(), slug);
    }

    private void publish(String token, Campaign campaign) {
        user.staffPost(token, "/api/staff/campaigns/" + campaign.id() + "/publish", Map.of());
    }

    /** The milestone-reached events of a campaign on the topic, one per event id. */
    private List<ConsumerRecord<String, String>> milestones(Campaign campaign) {
        Map<String, ConsumerRecord<String, String>> byEventId = new HashMap<>();
        for (ConsumerRecord<String, String> record : user.records("campaigns")) {
            if ("milestone-reached.v1".equals(header(record, "ce_type")) && campaign.id().equals(record.key())) {
                byEventId.putIfAbsent(header(record, "ce_id"), record);
            }
        }
        return List.copyOf(byEventId.values());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    // --- subscribers, mail and processes ---

    /** Active subscriptions as notification-service stores them (the fan-out reads nothing else), 1,000 per insert. */
    private Set<String> seedSubscribers(String campaignId, int count) {
        Set<String> emails = new java.util.LinkedHashSet<>();
        try (MongoClient mongo = MongoClients.create(endpoints.mongoUri())) {
            MongoCollection<Document> subscriptions = mongo.getDatabase("pledgeworks-notifications")
                    .getCollection("subscriptions");
            Date now = new Date();
            for (int start = 0; start < count; start += 1000) {
                List<Document> batch = new ArrayList<>();
                for (int i = start; i < Math.min(count, start + 1000); i++) {
                    String recipientId = "fault-" + run + "-" + i;
                    String email = "r" + i + "-" + run + "@fanout.example.org";
                    emails.add(email);
                    batch.add(new Document("_id", campaignId + ":" + recipientId).append("campaignId", campaignId)
                            .append("recipientId", recipientId).append("email", email).append("name", "Recipient " + i)
                            .append("locale", "en").append("status", "ACTIVE").append("consentId", "consent-" + recipientId)
                            .append("since", now));
                }
                subscriptions.insertMany(batch, new InsertManyOptions().ordered(false));
            }
        }
        return emails;
    }

    private long unfinishedDeliveries() {
        try (MongoClient mongo = MongoClients.create(endpoints.mongoUri())) {
            return mongo.getDatabase("pledgeworks-notifications").getCollection("deliveries")
                    .countDocuments(Filters.in("status", "QUEUED", "SENDING"));
        }
    }

    private static Set<String> missing(java.util.Collection<String> expected, Map<String, List<String>> received) {
        return expected.stream().filter(email -> !received.containsKey(email)).collect(Collectors.toSet());
    }

    /** {@code kill -STOP} / {@code -CONT}: Java can only terminate a process. */
    private static boolean signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
            return true;
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
