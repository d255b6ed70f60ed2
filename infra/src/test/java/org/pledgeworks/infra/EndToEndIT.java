package org.pledgeworks.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole system as a newcomer meets it: every part a separate process started the way
 * {@code ./pledgeworks up} starts it, on free ports and a fresh data directory, driven only through
 * the gateway, the dev inbox and the Kafka topics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final String DEMO = "no-forced-labour";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String CONFIRM = "Confirm your signature";
    private static final String ALREADY_SIGNED = "You have already signed";
    private static final String THANK_YOU = "Thank you";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** Under target/, not a temp dir: when a test fails, the processes' logs are still there to read. */
    private final Path data = Path.of("target", "e2e-stack-" + System.currentTimeMillis()).toAbsolutePath();

    private StackConfig config;
    private LocalStack stack;
    private Endpoints endpoints;

    @BeforeAll
    void startTheStack() {
        config = StackConfig.defaults(StackConfig.findHome()).withDataDir(data).withFreePorts()
                .withStartTimeout(Duration.ofMinutes(4));
        stack = new LocalStack(config, line -> System.out.println("[stack] " + line));
        endpoints = stack.start();
        // the demo campaign travels campaign-service → Kafka → pledge-service before anyone can sign
        eventually("the demo campaign reaches pledge-service",
                () -> get("/api/campaigns/" + DEMO + "/count").statusCode(), status -> status == 200);
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theWebPageShowsTheDemoCampaignWithItsSignForm() throws Exception {
        HttpResponse<String> index = get("/");
        HttpResponse<String> campaignPage = get("/campaign.html?slug=" + DEMO);
        JsonNode campaign = json.readTree(get("/api/campaigns/" + DEMO).body());

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(campaignPage.statusCode()).isEqualTo(200);
        assertThat(campaignPage.body()).contains("name=\"email\"", "name=\"country\"");
        assertThat(campaign.get("pledgeText").asText()).startsWith("I pledge");
        assertThat(index.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    @Order(2)
    void aConsumerSignsConfirmsFromTheInboxAndIsCounted() throws Exception {
        long before = count();
        String email = "Ada.Lovelace." + shortId() + "@gmail.com";

        HttpResponse<String> signed = sign(email, "GB");

        assertThat(signed.statusCode()).isEqualTo(202);
        JsonNode mail = awaitMailTo(email, CONFIRM);
        assertThat(mail.get("text").asText()).isNotBlank();
        assertThat(mail.get("html").asText()).isNotBlank();
        String link = verificationLink(mail);
        assertThat(link).startsWith(endpoints.web().toString().replaceAll("/$", ""));

        HttpResponse<String> firstOpen = getAbsolute(link);
        HttpResponse<String> secondOpen = getAbsolute(link);

        assertThat(firstOpen.statusCode()).isEqualTo(200);
        assertThat(secondOpen.body()).isEqualTo(firstOpen.body()).contains("confirmed");
        eventually("the count includes the new signature", this::count, n -> n == before + 1);
        assertThat(count()).isEqualTo(before + 1);
        assertThat(awaitMailTo(email, THANK_YOU).get("subject").asText()).contains("forced labour");
    }

    @Test
    @Order(3)
    void signingAgainWithTheSameAddressOrItsGmailAliasesLeavesTheCountAlone() throws Exception {
        String id = shortId();
        String email = "grace.hopper" + id + "@gmail.com";
        String alias = "Grace.Hopper" + id + "+pledge@googlemail.com";
        long before = count();
        sign(email, "US");
        getAbsolute(verificationLink(awaitMailTo(email, CONFIRM)));
        long afterFirst = eventually("the first signature counts", this::count, n -> n == before + 1);

        HttpResponse<String> sameInCapitals = sign(email.toUpperCase(), "US");
        HttpResponse<String> gmailAlias = sign(alias, "US");

        assertThat(sameInCapitals.statusCode()).isEqualTo(202);
        assertThat(gmailAlias.statusCode()).isEqualTo(202);
        assertThat(gmailAlias.body()).as("a repeat is answered exactly like a first signature")
                .isEqualTo(sameInCapitals.body());
        // the person learns by mail, at the address they typed, that they had signed already
        assertThat(awaitMailTo(alias, ALREADY_SIGNED).get("subject").asText()).startsWith(ALREADY_SIGNED);
        awaitMailTo(email.toUpperCase(), ALREADY_SIGNED);
        assertThat(mailsTo(email).stream().filter(m -> m.get("subject").asText().startsWith(CONFIRM)))
                .as("no second confirmation mail: no second signature").hasSize(1);
        assertThat(mailsTo(alias).stream().filter(m -> m.get("subject").asText().startsWith(CONFIRM))).isEmpty();
        assertThat(count()).isEqualTo(afterFirst);
    }

    @Test
    @Order(4)
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextPledgeStillFlows() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            ProducerRecord<String, String> poison = new ProducerRecord<>("pledges", poisonKey, "{\"this is\": not json");
            poison.headers().add("ce_type", "pledge-signed.v1".getBytes(StandardCharsets.UTF_8));
            poison.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(poison).get();
        }
        String email = "after.poison." + shortId() + "@example.org";

        assertThat(sign(email, "DE").statusCode()).isEqualTo(202);

        awaitMailTo(email, CONFIRM);
        ConsumerRecord<String, String> dead = awaitRecord("pledges.dlt", r -> poisonKey.equals(r.key()));
        assertThat(dead.value()).isEqualTo("{\"this is\": not json");
    }

    @Test
    @Order(5)
    void aSecondStartOnTheSameDataKeepsEverySignature() {
        long before = count();
        assertThat(before).as("earlier tests left verified signatures").isPositive();
        stack.close();

        stack = new LocalStack(config.withFreePorts(), line -> System.out.println("[stack again] " + line));
        endpoints = stack.start();

        long after = eventually("counts are served again", this::countOrMinusOne, n -> n >= 0);
        eventually("the count is what it was", this::countOrMinusOne, n -> n == before);
        assertThat(after).isLessThanOrEqualTo(before);
    }

    // --- the outside world as a person and a script see it ---

    private HttpResponse<String> sign(String email, String country) throws Exception {
        String body = json.writeValueAsString(Map.of("name", "Test Signer", "email", email, "country", country,
                "consentToUpdates", false));
        return http.send(HttpRequest.newBuilder(endpoints.web().resolve("/api/campaigns/" + DEMO + "/pledges"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long count() {
        try {
            return json.readTree(get("/api/campaigns/" + DEMO + "/count").body()).get("total").asLong();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long countOrMinusOne() {
        try {
            return count();
        }
        catch (RuntimeException e) {
            return -1;
        }
    }

    private JsonNode awaitMailTo(String address, String subjectStart) {
        return eventually("a mail '" + subjectStart + "…' to " + address, () -> mailsTo(address).stream()
                .filter(m -> m.get("subject").asText().startsWith(subjectStart)).toList(), mails -> !mails.isEmpty())
                .get(0);
    }

    private List<JsonNode> mailsTo(String address) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoints.inboxApi().orElseThrow()).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            List<JsonNode> found = new ArrayList<>();
            json.readTree(response.body()).forEach(message -> message.get("to").forEach(to -> {
                if (to.asText().equalsIgnoreCase(address)) {
                    found.add(message);
                }
            }));
            return found;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String verificationLink(JsonNode mail) {
        List<String> links = new ArrayList<>();
        mail.get("links").forEach(l -> links.add(l.asText()));
        return links.stream().filter(l -> l.contains("/verify/")).findFirst()
                .orElseThrow(() -> new AssertionError("no verification link in " + links));
    }

    private ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> matching) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(PATIENCE);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (matching.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + PATIENCE);
    }

    private HttpResponse<String> get(String path) {
        return getAbsolute(endpoints.web().resolve(path).toString());
    }

    private HttpResponse<String> getAbsolute(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/json")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T eventually(String what, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = probe.get();
                if (done.test(last)) {
                    return last;
                }
            }
            catch (RuntimeException e) {
                // not there yet: a process still starting, a route not yet open
            }
            try {
                Thread.sleep(250);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError("waited " + PATIENCE + " for " + what + "; last seen: " + last);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
