package org.pledgeworks.notification.support;

import java.util.UUID;

import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.TestClock;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events campaign-service publishes on {@code campaigns}, built from the field lists fixed in the
 * integration brief (campaign-service writes their schemas in parallel; once they are in
 * {@code contracts/campaigns/}, tests should start from those examples instead).
 */
public final class CampaignEventMother {

    public static final String TOPIC = "campaigns";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String type;
    private final ObjectNode event;

    private CampaignEventMother(String type, ObjectNode event) {
        this.type = type;
        this.event = event;
    }

    private static ObjectNode base(String campaignId) {
        return JSON.createObjectNode().put("eventId", UUID.randomUUID().toString())
                .put("occurredAt", TestClock.now().toString()).put("campaignId", campaignId)
                .put("campaignSlug", "slug-" + campaignId).put("campaignTitle", "Fair supply: " + campaignId);
    }

    public static CampaignEventMother anUpdate(String campaignId) {
        ObjectNode e = base(campaignId).put("updateId", UUID.randomUUID().toString()).put("locale", "en")
                .put("title", "We met the buyers").put("bodyHtml", "<p>Big <strong>news</strong> from the meeting.</p>")
                .put("bodyText", "Big news from the meeting.")
                .put("url", "https://pledgeworks.test/campaigns/slug-" + campaignId);
        e.putArray("variants").addObject().put("locale", "de").put("title", "Wir haben die Einkäufer getroffen")
                .put("bodyHtml", "<p>Große <strong>Neuigkeiten</strong>.</p>").put("bodyText", "Große Neuigkeiten.");
        return new CampaignEventMother("campaign-update-published.v1", e);
    }

    public static CampaignEventMother aMilestone(String campaignId) {
        return new CampaignEventMother("milestone-reached.v1", base(campaignId).put("threshold", 1000)
                .put("verifiedCount", 1004).put("goal", 10000));
    }

    public static CampaignEventMother aProgressChange(String campaignId) {
        ObjectNode e = base(campaignId).put("targetId", "t-1").put("targetName", "Acme Retail").put("cycle", "2026")
                .put("overallScore", 62.5).putNull("previousScore")
                .put("url", "https://pledgeworks.test/campaigns/slug-" + campaignId + "#progress");
        return new CampaignEventMother("progress-updated.v1", e);
    }

    public CampaignEventMother set(String field, String value) {
        event.put(field, value);
        return this;
    }

    public String eventId() {
        return event.get("eventId").asString();
    }

    public String type() {
        return type;
    }

    public String json() {
        return JSON.writeValueAsString(event);
    }

    /** The bulk message this event becomes: {@code <eventId>:<kind>}. */
    public String messageId() {
        String kind = switch (type) {
            case "campaign-update-published.v1" -> "campaign-update";
            case "milestone-reached.v1" -> "milestone";
            default -> "progress";
        };
        return eventId() + ":" + kind;
    }

    public void publish() {
        KafkaProbe.publishEvent(TOPIC, event.get("campaignId").asString(), type, eventId(), json());
    }
}
