package org.pledgeworks.notification.support;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code pledge-signed.v1} events for tests, made from the contract's own example so they stay what
 * pledge-service sends. Each has a fresh eventId, so tests never collide on delivery ids, and each is
 * signed now by the test clock: the example's instants are rebased, so its link expires as long after
 * the signing as the example shows, whatever the day the tests run.
 */
public final class PledgeSignedMother {

    public static final String TYPE = "pledge-signed.v1";
    public static final String TOPIC = "pledges";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode event;

    private PledgeSignedMother(ObjectNode event) {
        this.event = event;
    }

    /** The contract example as it is, but for a fresh eventId and its instants rebased to now. */
    public static PledgeSignedMother theContractExample() {
        ObjectNode example = (ObjectNode) JSON.readTree(EventContract.exampleNow("pledges/" + TYPE));
        example.put("eventId", UUID.randomUUID().toString());
        return new PledgeSignedMother(example);
    }

    /** The contract example for a signer of its own, signing now: fresh signature id and address. */
    public static PledgeSignedMother aPledge() {
        String unique = UUID.randomUUID().toString();
        return theContractExample()
                .set("signatureId", unique)
                .set("email", "signer+" + unique.substring(0, 8) + "@example.org");
    }

    public PledgeSignedMother set(String field, String value) {
        event.put(field, value);
        return this;
    }

    public PledgeSignedMother without(String field) {
        event.remove(field);
        return this;
    }

    public String eventId() {
        return event.get("eventId").asString();
    }

    public String signatureId() {
        return event.get("signatureId").asString();
    }

    public String email() {
        return event.get("email").asString();
    }

    public String name() {
        return event.get("name").asString();
    }

    public String verificationUrl() {
        return event.get("verificationUrl").asString();
    }

    public Instant verificationExpiresAt() {
        return Instant.parse(event.get("verificationExpiresAt").asString());
    }

    public String json() {
        return JSON.writeValueAsString(event);
    }

    /** Onto {@code pledges} as pledge-service publishes it: key = signature id, ce_id = eventId. */
    public RecordMetadata publish() {
        return KafkaProbe.publishEvent(TOPIC, signatureId(), TYPE, eventId(), json());
    }
}
