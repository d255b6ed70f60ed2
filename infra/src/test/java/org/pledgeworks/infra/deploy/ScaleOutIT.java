package org.pledgeworks.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgeworks.infra.Eventually.eventually;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.pledgeworks.infra.Endpoints;
import org.pledgeworks.infra.LocalStack;
import org.pledgeworks.infra.PortCheck;
import org.pledgeworks.infra.Ports;
import org.pledgeworks.infra.StackConfig;

/**
 * Scaling out on the local stack, without containers: two notification-service processes from the
 * packaged jar, in one consumer group, on the launcher's broker, MongoDB and mail catcher. Driven only
 * through Kafka events as contracts/ defines them; proven through the mail catcher and each instance's
 * own counters. What compose and Kubernetes do with replicas is this, on more machines.
 */
class ScaleOutIT {

    /** The mail catcher keeps its newest 2,000 messages: fewer subscribers leave room to see a double. */
    private static final int SUBSCRIBERS = 1_900;
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final String GROUP = "notification-service";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** Under target/, not a temp dir: when the test fails, both instances' logs are still there to read. */
    private final Path data = Path.of("target", "scale-out-" + System.currentTimeMillis()).toAbsolutePath();

    @Test
    void twoNotificationInstancesSplitAFanOutAndSendEveryUpdateMailExactlyOnce() throws Exception {
        StackConfig config = StackConfig.defaults(privateHome()).withDataDir(data)
                .withPorts(portsWithAFreeNeighbourForTheSecondInstance())
                .withServices(List.of(LocalStack.NOTIFICATION_SERVICE))
                .withNotificationInstances(2)
                .withStartTimeout(Duration.ofMinutes(6)); // a shared, busy 2-core box: starts have taken 4 min
        List<Integer> instancePorts = config.notificationPorts();
        assertThat(instancePorts).hasSize(2);

        try (LocalStack stack = new LocalStack(config, line -> System.out.println("[scale-out] " + line))) {
            Endpoints endpoints = stack.start();
            assertThat(stack.process(StackConfig.notificationInstanceName(1))).isPresent();
            assertThat(config.logFile(StackConfig.notificationInstanceName(1))).isRegularFile();
            String kafka = endpoints.kafkaBootstrapServers();
            URI inbox = endpoints.inboxApi().orElseThrow();

            // both instances in the one group, each with its share of notifications' partitions
            eventually("two members of " + GROUP + " sharing the notifications partitions", PATIENCE,
                    () -> notificationsPartitionsPerMember(kafka),
                    members -> members.size() == 2
                            && members.values().stream().mapToInt(Integer::intValue).sum() == 12);

            String campaignId = "c-scale-" + UUID.randomUUID();
            String slug = "scale-out-" + campaignId.substring(8, 16);
            List<String> emails = new ArrayList<>();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                emails.add("subscriber-" + i + "@scale.example.org");
            }
            try (KafkaProducer<String, String> producer = producer(kafka)) {
                send(producer, "campaigns", campaignId, "campaign-published.v1", campaignPublished(campaignId, slug)).get(30,
                        TimeUnit.SECONDS);
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (String email : emails) {
                    String signatureId = UUID.randomUUID().toString();
                    sent.add(send(producer, "pledges", signatureId, "pledge-verified.v1",
                            pledgeVerified(signatureId, campaignId, email)));
                }
                for (Future<RecordMetadata> future : sent) {
                    future.get(30, TimeUnit.SECONDS);
                }

                // each verified signer gets the thank-you mail; once all have it, every subscriber exists
                eventually("a thank-you mail to each of the " + SUBSCRIBERS + " signers", PATIENCE,
                        () -> sentCounter(instancePorts, "thank-you").values().stream().mapToLong(Long::longValue).sum(),
                        total -> total >= SUBSCRIBERS);
                deleteMessages(inbox);

                String title = "Scale-out update " + UUID.randomUUID();
                send(producer, "campaigns", campaignId, "campaign-update-published.v1",
                        updatePublished(campaignId, slug, title)).get(30, TimeUnit.SECONDS);

                Map<Integer, Long> updatesPerInstance = eventually("the update mailed to every subscriber", PATIENCE,
                        () -> sentCounter(instancePorts, "campaign-update"),
                        counts -> counts.values().stream().mapToLong(Long::longValue).sum() >= SUBSCRIBERS);

                // the mail catcher's view: one update mail per subscriber, none twice, nobody missed
                List<JsonNode> updates = new ArrayList<>();
                for (JsonNode message : json.readTree(get(inbox).body())) {
                    if (message.get("subject").asText().equals(title)) {
                        updates.add(message);
                    }
                }
                Map<String, Integer> perRecipient = new HashMap<>();
                for (JsonNode update : updates) {
                    for (JsonNode to : update.get("to")) {
                        perRecipient.merge(address(to.asText()), 1, Integer::sum);
                    }
                }
                assertThat(perRecipient.entrySet()).filteredOn(entry -> entry.getValue() > 1).as("mailed twice").isEmpty();
                assertThat(perRecipient.keySet()).containsExactlyInAnyOrderElementsOf(emails);
                assertThat(updates).hasSize(SUBSCRIBERS);

                // the instances' own counters: both sent part of it, and together exactly one per subscriber
                assertThat(updatesPerInstance.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(SUBSCRIBERS);
                assertThat(updatesPerInstance).as("update mails sent per instance port").hasSize(2)
                        .allSatisfy((port, count) -> assertThat(count).as("sent by the instance on " + port).isPositive());
                System.out.println("[scale-out] update mails per instance: " + updatesPerInstance);
            }
        }
    }

    /**
     * A home of its own: a copy of notification-service's jar (a colleague repackaging the module
     * mid-run would otherwise pull classes out from under the running instances) and links to
     * infra's classes and libraries, which the broker, MongoDB and the mail catcher run on, and to
     * infra.jar, the launcher watch every child runs with.
     */
    private Path privateHome() throws IOException {
        Path real = StackConfig.findHome();
        Path home = data.resolve("home");
        Path jar = home.resolve(LocalStack.NOTIFICATION_SERVICE).resolve("target");
        Files.createDirectories(jar);
        Files.copy(real.resolve(LocalStack.NOTIFICATION_SERVICE).resolve("target").resolve(LocalStack.NOTIFICATION_SERVICE + ".jar"),
                jar.resolve(LocalStack.NOTIFICATION_SERVICE + ".jar"));
        Path infra = home.resolve("infra").resolve("target");
        Files.createDirectories(infra);
        for (String part : List.of("classes", "lib", "infra.jar")) {
            Files.createSymbolicLink(infra.resolve(part), real.resolve("infra").resolve("target").resolve(part));
        }
        return home;
    }

    /**
     * Free ports, with the two notification-service instances on a free pair below Linux's ephemeral
     * range (32768+): the pair is bound last, ~40 s after it was checked, and in between the stack's
     * own Kafka and MongoDB clients open outbound connections from ephemeral ports, which once took
     * the second instance's port (CI, "Port … was already in use").
     */
    private static Ports portsWithAFreeNeighbourForTheSecondInstance() {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 50; attempt++) {
            Ports ports = Ports.free();
            Set<Integer> taken = new HashSet<>(List.of(ports.gateway(), ports.campaign(), ports.pledge(), ports.kafka(),
                    ports.kafkaController(), ports.mongo(), ports.smtp(), ports.inbox(), ports.management()));
            int first = 20000 + random.nextInt(12000);
            if (!taken.contains(first) && !taken.contains(first + 1) && PortCheck.isFree(first)
                    && PortCheck.isFree(first + 1)) {
                return new Ports(ports.gateway(), ports.campaign(), ports.pledge(), first, ports.kafka(),
                        ports.kafkaController(), ports.mongo(), ports.smtp(), ports.inbox(), ports.management());
            }
        }
        throw new IllegalStateException("no free port pair found for two notification-service instances");
    }

    private Map<String, Integer> notificationsPartitionsPerMember(String kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get(10, TimeUnit.SECONDS)
                    .get(GROUP);
            // each instance runs three listener containers in the group (pledges, campaigns,
            // notifications); the members holding notifications partitions are one per instance
            Map<String, Integer> perMember = new HashMap<>();
            for (MemberDescription member : group.members()) {
                int partitions = (int) member.assignment().topicPartitions().stream()
                        .filter(partition -> partition.topic().equals("notifications")).count();
                if (partitions > 0) {
                    perMember.put(member.consumerId(), partitions);
                }
            }
            return perMember;
        }
    }

    private static final Pattern SENT = Pattern.compile(
            "^notification_mails_sent_total\\{[^}]*kind=\"([^\"]+)\"[^}]*\\} ([0-9.eE+]+)$", Pattern.MULTILINE);

    /** notification_mails_sent_total{kind} read from each instance's /actuator/prometheus, by port. */
    private Map<Integer, Long> sentCounter(List<Integer> ports, String kind) throws Exception {
        Map<Integer, Long> counts = new HashMap<>();
        for (int port : ports) {
            String metrics = get(URI.create("http://" + StackConfig.HOST + ":" + port + "/actuator/prometheus")).body();
            long count = 0;
            Matcher matcher = SENT.matcher(metrics);
            while (matcher.find()) {
                if (matcher.group(1).equals(kind)) {
                    count += (long) Double.parseDouble(matcher.group(2));
                }
            }
            counts.put(port, count);
        }
        return counts;
    }

    private static String address(String to) {
        int open = to.indexOf('<');
        String address = open >= 0 ? to.substring(open + 1, to.indexOf('>', open)) : to;
        return address.trim().toLowerCase();
    }

    private static KafkaProducer<String, String> producer(String kafka) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** The CloudEvents Kafka binary binding of docs/events.md: ce_* headers, JSON value, key = aggregate id. */
    private static Future<RecordMetadata> send(KafkaProducer<String, String> producer, String topic, String key,
            String type, ObjectNode value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value.toString());
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", value.get("eventId").asText().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "scale-out-it".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        return producer.send(record);
    }

    private ObjectNode event() {
        return json.createObjectNode().put("eventId", UUID.randomUUID().toString())
                .put("occurredAt", Instant.now().toString());
    }

    private ObjectNode campaignPublished(String campaignId, String slug) {
        ObjectNode event = event().put("campaignId", campaignId).put("slug", slug).put("title", "Scale out")
                .put("summary", "Two instances, one fan-out.").put("pledgeText", "I pledge to count once.")
                .put("pledgeTextVersion", 1).put("defaultLocale", "en").put("goal", 10_000)
                .put("ownerOrganisation", "fair-supply-coalition");
        event.putArray("partnerOrganisations");
        event.putNull("endsAt");
        return event;
    }

    private ObjectNode pledgeVerified(String signatureId, String campaignId, String email) {
        return event().put("signatureId", signatureId).put("campaignId", campaignId).put("country", "GB")
                .put("consentToUpdates", true).put("name", "Subscriber").put("email", email).put("locale", "en");
    }

    private ObjectNode updatePublished(String campaignId, String slug, String title) {
        String updateId = "u-" + UUID.randomUUID();
        ObjectNode event = event().put("campaignId", campaignId).put("campaignSlug", slug)
                .put("campaignTitle", "Scale out").put("updateId", updateId).put("locale", "en").put("title", title)
                .put("bodyHtml", "<p>Both instances sent part of this.</p>").put("bodyText", "Both instances sent part of this.")
                .put("url", "http://127.0.0.1:8080/campaigns/" + slug + "#update-" + updateId);
        event.putArray("variants");
        return event;
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void deleteMessages(URI inbox) throws Exception {
        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(inbox).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
    }
}
