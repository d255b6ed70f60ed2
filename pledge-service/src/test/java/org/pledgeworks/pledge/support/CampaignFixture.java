package org.pledgeworks.pledge.support;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.TestClock;
import org.pledgeworks.kit.testing.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes campaign events the way campaign-service does, starting from the contract's own example
 * (rebased to the test clock), so this service's consumer is tested against what the contract promises.
 */
public final class CampaignFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CampaignFixture() {
    }

    /** Publishes a fresh open campaign and returns its slug. */
    public static TestCampaign publishOpenCampaign() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ObjectNode event = (ObjectNode) JSON.readTree(EventContract.exampleNow("campaigns/campaign-published.v1"));
        event.put("eventId", UUID.randomUUID().toString());
        event.put("campaignId", "c-" + suffix);
        event.put("slug", "test-" + suffix);
        event.put("title", "Test campaign " + suffix);
        send("campaigns", "c-" + suffix, "campaign-published.v1", event.toString());
        return new TestCampaign("c-" + suffix, "test-" + suffix);
    }

    public static void closeCampaign(TestCampaign campaign) {
        ObjectNode event = JSON.createObjectNode()
                .put("eventId", UUID.randomUUID().toString())
                .put("occurredAt", TestClock.now().toString())
                .put("campaignId", campaign.id());
        send("campaigns", campaign.id(), "campaign-closed.v1", event.toString());
    }

    public static void send(String topic, String key, String type, String value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            if (type != null) {
                record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get();
        }
        catch (Exception e) {
            throw new IllegalStateException("could not publish the test event", e);
        }
    }

    public record TestCampaign(String id, String slug) {
    }
}
