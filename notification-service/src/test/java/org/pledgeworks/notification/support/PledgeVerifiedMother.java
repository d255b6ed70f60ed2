package org.pledgeworks.notification.support;

import java.util.UUID;

import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.TestClock;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code pledge-verified.v1} from the contract's example, for a signer and campaign of the test's own,
 * verified now by the test clock.
 */
public final class PledgeVerifiedMother {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode event;

    private PledgeVerifiedMother(ObjectNode event) {
        this.event = event;
    }

    public static PledgeVerifiedMother aVerifiedPledge(String campaignId, String email) {
        ObjectNode example = (ObjectNode) JSON.readTree(EventContract.exampleNow("pledges/pledge-verified.v1"));
        example.put("eventId", UUID.randomUUID().toString())
                .put("signatureId", UUID.randomUUID().toString()).put("campaignId", campaignId).put("email", email)
                .put("consentToUpdates", true).put("ipHash", "sha256:ab12cd34");
        return new PledgeVerifiedMother(example);
    }

    public PledgeVerifiedMother set(String field, String value) {
        event.put(field, value);
        return this;
    }

    /** As a producer from before {@code counted} existed sends it. */
    public PledgeVerifiedMother withoutCounted() {
        event.remove("counted");
        return this;
    }

    /** Verified while held in quarantine: {@code counted: false}. */
    public PledgeVerifiedMother held() {
        event.put("counted", false);
        return this;
    }

    /** What pledge-service sends when staff release this held, verified signature. */
    public String publishRelease() {
        ObjectNode release = (ObjectNode) JSON.readTree(EventContract.exampleNow("pledges/pledge-released.v1"));
        String eventId = UUID.randomUUID().toString();
        release.put("eventId", eventId)
                .put("signatureId", signatureId()).put("campaignId", event.get("campaignId").asString())
                .put("email", event.get("email").asString()).put("name", event.get("name").asString())
                .put("consentToUpdates", event.get("consentToUpdates").asBoolean())
                .put("verifiedAt", event.get("occurredAt").asString());
        String json = JSON.writeValueAsString(release);
        EventContract.assertValid("pledges/pledge-released.v1", json);
        KafkaProbe.publishEvent("pledges", signatureId(), "pledge-released.v1", eventId, json);
        return eventId;
    }

    public PledgeVerifiedMother consent(boolean consent) {
        event.put("consentToUpdates", consent);
        return this;
    }

    public String eventId() {
        return event.get("eventId").asString();
    }

    public String signatureId() {
        return event.get("signatureId").asString();
    }

    public String json() {
        return JSON.writeValueAsString(event);
    }

    public void publish() {
        KafkaProbe.publishEvent("pledges", signatureId(), "pledge-verified.v1", eventId(), json());
    }

    public static void publishErasure(String email, String... signatureIds) {
        ObjectNode e = JSON.createObjectNode().put("eventId", UUID.randomUUID().toString())
                .put("occurredAt", TestClock.now().toString()).put("erasureId", UUID.randomUUID().toString())
                .put("email", email);
        var ids = e.putArray("signatureIds");
        for (String id : signatureIds) {
            ids.add(id);
        }
        e.putArray("campaignIds");
        KafkaProbe.publishEvent("pledges", e.get("erasureId").asString(), "signer-erased.v1",
                e.get("eventId").asString(), JSON.writeValueAsString(e));
    }
}
