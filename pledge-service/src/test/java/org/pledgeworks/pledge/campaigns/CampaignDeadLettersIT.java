package org.pledgeworks.pledge.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.deadletters.DeadLetters;
import org.pledgeworks.kit.kafka.ListenerErrorPolicy;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClock;
import org.pledgeworks.kit.testing.TestInfrastructure;
import org.pledgeworks.pledge.support.Api;
import org.pledgeworks.pledge.support.CampaignFixture;
import org.pledgeworks.pledge.support.ServiceIT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Dead letters of {@code campaigns} as an operator meets them through {@code /actuator/deadletters}:
 * a malformed record is listed with its reason and shown; a good record that was dead-lettered is,
 * once replayed, applied exactly as the original would have been; a second replay sends nothing, and
 * even a record delivered twice (a replay that crashed before its marker) changes nothing.
 */
class CampaignDeadLettersIT extends ServiceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEAD_LETTERS = "/actuator/deadletters/campaigns.dlt";
    /** Admins of the operators' organisation (pledgeworks.operators.organisations) are operators. */
    private static final String OPERATOR = "Bearer " + StaffTokens.forRoles(Map.of("fair-supply-coalition", "admin"));

    @LocalServerPort
    int port;

    @Autowired
    CampaignCopies copies;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aMalformedRecordIsListedWithItsReasonAndShown() {
        String key = "poison-" + UUID.randomUUID();
        KafkaProbe.publishEvent("campaigns", key, "campaign-published.v1", "{not json");
        KafkaProbe.awaitRecord("campaigns.dlt", r -> key.equals(r.key()), Duration.ofSeconds(20));
        Api api = new Api(port);

        HttpResponse<String> list = api.get(DEAD_LETTERS, "application/json", "Authorization", OPERATOR);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode letter = only(JSON.readTree(list.body()), key);
        assertThat(letter.get("originalTopic").asString()).isEqualTo("campaigns");
        assertThat(letter.get("group").asString()).isEqualTo(groupId());
        assertThat(letter.get("eventType").asString()).isEqualTo("campaign-published.v1");
        assertThat(letter.get("reason").asString()).contains("MalformedEventException");
        assertThat(letter.get("replayed").asBoolean()).isFalse();

        String[] place = letter.get("place").asString().split(":");
        HttpResponse<String> shown = api.get(DEAD_LETTERS + "/" + place[0] + "/" + place[1], "application/json",
                "Authorization", OPERATOR);
        assertThat(shown.statusCode()).isEqualTo(200);
        JsonNode record = JSON.readTree(shown.body());
        assertThat(record.get("value").asString()).isEqualTo("{not json");
        assertThat(record.get("headers").get("ce_type").asString()).isEqualTo("campaign-published.v1");
        assertThat(record.get("headers").get("kafka_dlt-original-topic").asString()).isEqualTo("campaigns");

        HttpResponse<String> summary = api.get("/actuator/deadletters", "application/json", "Authorization", OPERATOR);
        assertThat(JSON.readTree(summary.body()).get("campaigns.dlt").get("pending").asLong()).isPositive();
    }

    @Test
    void aReplayedGoodRecordIsAppliedOnceHoweverOftenItIsReplayedOrDelivered() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String campaignId = "c-dlt-" + suffix;
        String slug = "dlt-" + suffix;
        ObjectNode event = (ObjectNode) JSON.readTree(EventContract.exampleNow("campaigns/campaign-published.v1"));
        event.put("eventId", UUID.randomUUID().toString());
        event.put("campaignId", campaignId);
        event.put("slug", slug);
        RecordMetadata dead = deadLetter(campaignId, event.toString());
        String place = dead.partition() + ":" + dead.offset();
        Api api = new Api(port);
        assertThat(copies.bySlug(slug)).isEmpty();

        HttpResponse<String> first = api.postJson(DEAD_LETTERS, "{\"records\": \"" + place + "\"}",
                "Authorization", OPERATOR);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).get("replayed").toString()).isEqualTo("[\"" + place + "\"]");
        api.awaitCampaign(slug);
        assertThat(copies.bySlug(slug)).hasValueSatisfying(c -> {
            assertThat(c.open()).isTrue();
            assertThat(c.pledgeTextVersion()).isEqualTo(event.get("pledgeTextVersion").asInt());
        });

        HttpResponse<String> second = api.postJson(DEAD_LETTERS, "{\"records\": \"" + place + "\"}",
                "Authorization", OPERATOR);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(JSON.readTree(second.body()).get("replayed").isEmpty()).isTrue();
        assertThat(JSON.readTree(second.body()).get("alreadyReplayed").toString()).isEqualTo("[\"" + place + "\"]");
        assertThat(KafkaProbe.count("campaigns", r -> ("campaigns.dlt:" + place)
                .equals(KafkaProbe.header(r, DeadLetters.REPLAY_OF)))).isOne();

        // the campaign closes after it was published; the same published event arriving once more (a replay
        // that crashed before writing its marker) must not open it again
        CampaignFixture.closeCampaign(new CampaignFixture.TestCampaign(campaignId, slug));
        awaitClosed(campaignId);
        var duplicate = KafkaProbe.awaitRecord("campaigns", r -> ("campaigns.dlt:" + place)
                .equals(KafkaProbe.header(r, DeadLetters.REPLAY_OF)), Duration.ofSeconds(10));
        RecordMetadata again = send("campaigns", duplicate.partition(), campaignId, duplicate.value(),
                headersOf(duplicate));
        awaitConsumedPast(new TopicPartition("campaigns", again.partition()), again.offset());
        assertThat(copies.byId(campaignId)).hasValueSatisfying(c -> assertThat(c.open()).isFalse());
    }

    @Test
    void theEndpointIsForOperatorsOnly() {
        Api api = new Api(port);
        assertThat(api.get(DEAD_LETTERS, "application/json").statusCode()).isEqualTo(401);
        assertThat(api.postJson(DEAD_LETTERS, "{\"all\": true}").statusCode()).isEqualTo(401);
        String editor = "Bearer " + StaffTokens.forRoles(Map.of("fair-supply-coalition", "editor"));
        String otherAdmin = "Bearer " + StaffTokens.forRoles(Map.of("workers-voice", "admin"));
        assertThat(api.get(DEAD_LETTERS, "application/json", "Authorization", editor).statusCode()).isEqualTo(403);
        assertThat(api.postJson(DEAD_LETTERS, "{\"all\": true}", "Authorization", otherAdmin).statusCode())
                .isEqualTo(403);
        // a topic this service does not write is not served, to an operator either
        assertThat(api.get("/actuator/deadletters/notifications.dlt", "application/json", "Authorization", OPERATOR)
                .statusCode()).isEqualTo(404);
        HttpResponse<String> neither = api.postJson(DEAD_LETTERS, "{}", "Authorization", OPERATOR);
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(neither.body()).get("field").asString()).isEqualTo("records");
    }

    private static JsonNode only(JsonNode letters, String key) {
        List<JsonNode> matching = new java.util.ArrayList<>();
        for (JsonNode letter : letters) {
            if (key.equals(letter.get("key").asString())) {
                matching.add(letter);
            }
        }
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    /** A good record in the dead-letter topic with the headers the error policy writes (Spring's and ours). */
    private RecordMetadata deadLetter(String key, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", text(UUID.randomUUID().toString()))
                .add("ce_type", text("campaign-published.v1"))
                .add("ce_source", text("campaign-service"))
                .add("ce_specversion", text("1.0"))
                .add("content-type", text("application/json"))
                .add("kafka_dlt-original-topic", text("campaigns"))
                .add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(0).array())
                .add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(0).array())
                .add("kafka_dlt-original-consumer-group", text(groupId()))
                .add("kafka_dlt-exception-fqcn", text("org.springframework.kafka.listener.ListenerExecutionFailedException"))
                .add("kafka_dlt-exception-message", text("Listener failed"))
                .add(ListenerErrorPolicy.REASON_HEADER, text("MongoCommandException: a fault since fixed"));
        return send("campaigns.dlt", 0, key, value, headers);
    }

    private static RecordMetadata send(String topic, int partition, String key, String value, RecordHeaders headers) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            return producer.send(new ProducerRecord<>(topic, partition, key, value, headers)).get();
        }
        catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    private static RecordHeaders headersOf(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record) {
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        return headers;
    }

    private String groupId() {
        return listeners.getListenerContainer("pledge-service.campaigns").getGroupId();
    }

    private void awaitClosed(String campaignId) throws InterruptedException {
        Instant deadline = TestClock.now().plusSeconds(20);
        while (copies.byId(campaignId).map(OpenCampaign::open).orElse(true)) {
            assertThat(TestClock.now()).as("campaign closed in time").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /** Waits until the service's consumer group has committed past {@code offset}: the record was handled. */
    private void awaitConsumedPast(TopicPartition partition, long offset) throws Exception {
        Instant deadline = TestClock.now().plusSeconds(20);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            while (true) {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(groupId()).partitionsToOffsetAndMetadata()
                        .get().get(partition);
                if (committed != null && committed.offset() > offset) {
                    return;
                }
                assertThat(TestClock.now()).as("record handled in time").isBefore(deadline);
                Thread.sleep(100);
            }
        }
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
