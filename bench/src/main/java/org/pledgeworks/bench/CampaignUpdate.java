package org.pledgeworks.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One {@code campaign-update-published.v1} on {@code campaigns}, as campaign-service writes it: the
 * start of a fan-out. notification-service learns the campaign from the event itself, so the soak can
 * send one to a campaign of its own per cycle.
 */
final class CampaignUpdate {

    /** Compact: the update goes on the topic as campaign-service writes it, not indented as the results file. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private CampaignUpdate() {
    }

    static void publish(String kafka, String publicBase, UUID eventId, String campaignId, String slug, String title)
            throws Exception {
        String updateId = "u-bench-" + eventId;
        ObjectNode event = JSON.createObjectNode();
        event.put("eventId", eventId.toString());
        event.put("occurredAt", Instant.now().toString());
        event.put("campaignId", campaignId);
        event.put("campaignSlug", slug);
        event.put("campaignTitle", title);
        event.put("updateId", updateId);
        event.put("locale", "en");
        event.put("title", "Three brands answered");
        event.put("bodyHtml", "<p>Three brands <strong>answered</strong> our letter.</p>");
        event.put("bodyText", "Three brands answered our letter.");
        event.put("url", publicBase + "/campaigns/" + slug + "#update-" + updateId);
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
            ProducerRecord<String, String> record = new ProducerRecord<>("campaigns", campaignId, JSON.writeValueAsString(event));
            record.headers().add("ce_type", bytes("campaign-update-published.v1"))
                    .add("ce_id", bytes(eventId.toString()))
                    .add("ce_source", bytes("campaign-service"))
                    .add("ce_specversion", bytes("1.0"))
                    .add("ce_time", bytes(event.get("occurredAt").asText()))
                    .add("content-type", bytes("application/json"));
            producer.send(record).get();
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
