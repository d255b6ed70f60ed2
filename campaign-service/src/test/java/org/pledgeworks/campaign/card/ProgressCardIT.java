package org.pledgeworks.campaign.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.ProgressCardBodies;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.TestClock;
import tools.jackson.databind.JsonNode;

/** The progress card as staff keep it and consumers read it. */
class ProgressCardIT extends ServiceIT {

    private static final String BASE = "/api/staff/campaigns/";

    private final String admin = CampaignMother.ownerAdmin();

    @Test
    void scoresAreComputedPerThemeAndOverallKeptAcrossCyclesAndAnnounced() {
        Map<String, Object> draft = CampaignMother.draft();
        String slug = (String) draft.get("slug");
        String campaignId = read(post("/api/staff/campaigns", admin, draft)).get("campaignId").asString();
        assertThat(post(BASE + campaignId + "/publish", admin, null).statusCode()).isEqualTo(200);
        assertThat(put(BASE + campaignId + "/card/framework", admin, ProgressCardBodies.framework()).statusCode())
                .isEqualTo(200);
        String targetId = read(post(BASE + campaignId + "/card/targets", admin,
                Map.of("name", "Example Apparel plc", "kind", "company"))).get("targetId").asString();
        String assess = BASE + campaignId + "/card/targets/" + targetId + "/assessments";

        assess(assess, "2025", "policy", "yes");
        assess(assess, "2025", "board", "partial");
        assess(assess, "2025", "suppliers", "40");
        assess(assess, "2026", "policy", "yes");
        assess(assess, "2026", "board", "yes");
        JsonNode last = read(put(assess, admin, Map.of("cycle", "2026", "indicatorId", "suppliers", "value", "80",
                "evidenceLink", "https://example.org/report-2026.pdf", "evidenceNote", "Supplier list, p. 12")));
        assertThat(last.get("reviewedBy").asString()).isEqualTo("Test Staff");

        JsonNode card = read(get("/api/campaigns/" + slug + "/card"));
        JsonNode target = card.get("targets").get(0);
        assertThat(target.get("name").asString()).isEqualTo("Example Apparel plc");
        assertThat(target.get("cycle").asString()).isEqualTo("2026");
        assertThat(target.get("overallScore").asDouble()).isEqualTo(90.0);
        assertThat(target.get("themeScores").get("commitment").asDouble()).isEqualTo(100.0);
        assertThat(card.get("framework").get("themes")).hasSize(2);

        JsonNode history = read(get("/api/campaigns/" + slug + "/card/targets/" + targetId));
        assertThat(history.get("cycles").findValuesAsString("cycle")).containsExactly("2025", "2026");
        assertThat(history.get("cycles").get(0).get("overallScore").asDouble()).isEqualTo(57.5);
        JsonNode suppliers = null;
        for (JsonNode indicator : history.get("indicators")) {
            if (indicator.get("indicatorId").asString().equals("suppliers")) {
                suppliers = indicator;
            }
        }
        assertThat(suppliers.get("assessments").findValuesAsString("value")).containsExactly("40", "80");
        assertThat(suppliers.get("assessments").get(1).get("evidenceLink").asString())
                .isEqualTo("https://example.org/report-2026.pdf");

        List<ConsumerRecord<String, String>> events = KafkaProbe.awaitRecords("campaigns",
                r -> campaignId.equals(r.key()) && "progress-updated.v1".equals(KafkaProbe.header(r, "ce_type")), 5,
                Duration.ofSeconds(20));
        events.forEach(r -> EventContract.assertValid("campaigns/progress-updated.v1", r.value()));
        JsonNode latest = json.readTree(events.get(events.size() - 1).value());
        assertThat(latest.get("cycle").asString()).isEqualTo("2026");
        assertThat(latest.get("overallScore").asDouble()).isEqualTo(90.0);
        assertThat(latest.get("previousScore").asDouble()).isEqualTo(100.0);
        assertThat(latest.get("url").asString()).endsWith("/campaigns/" + slug + "#card-" + targetId);
    }

    @Test
    void noDataIsLeftOutOfTheAverageRatherThanCountedAsZero() {
        String campaignId = read(post("/api/staff/campaigns", admin, CampaignMother.draft())).get("campaignId").asString();
        put(BASE + campaignId + "/card/framework", admin, ProgressCardBodies.framework());
        String targetId = read(post(BASE + campaignId + "/card/targets", admin, Map.of("name", "Quiet plc")))
                .get("targetId").asString();
        String assess = BASE + campaignId + "/card/targets/" + targetId + "/assessments";

        assess(assess, "2026", "policy", "no");
        assess(assess, "2026", "board", "no-data");
        assess(assess, "2026", "suppliers", "no-data");

        JsonNode target = read(get(BASE + campaignId + "/card", admin)).get("targets").get(0);
        assertThat(target.get("themeScores").get("commitment").asDouble()).isEqualTo(0.0);
        assertThat(target.get("themeScores").get("traceability").isNull()).isTrue();
        assertThat(target.get("overallScore").asDouble()).isEqualTo(0.0);
    }

    @Test
    void rightOfReplyShowsRespondedPendingOrOverdue() {
        String campaignId = read(post("/api/staff/campaigns", admin, CampaignMother.draft())).get("campaignId").asString();
        String targetId = read(post(BASE + campaignId + "/card/targets", admin, Map.of("name", "Replying plc")))
                .get("targetId").asString();
        String replies = BASE + campaignId + "/card/targets/" + targetId + "/replies";
        Instant now = TestClock.now();

        String overdue = read(post(replies, admin, Map.of("deadline", now.minusSeconds(60).toString(),
                "note", "Please comment on our findings."))).get("replyId").asString();
        String pending = read(post(replies, admin, Map.of("deadline", now.plusSeconds(86_400).toString())))
                .get("replyId").asString();
        String answered = read(post(replies, admin, Map.of("deadline", now.plusSeconds(86_400).toString())))
                .get("replyId").asString();
        assertThat(put(replies + "/" + answered, admin, Map.of("response", "We disagree with indicator 2.",
                "link", "https://example.org/reply")).statusCode()).isEqualTo(200);

        JsonNode statuses = read(get(BASE + campaignId + "/card/targets/" + targetId + "/history", admin)).get("replies");
        assertThat(statusOf(statuses, overdue)).isEqualTo("overdue");
        assertThat(statusOf(statuses, pending)).isEqualTo("pending");
        assertThat(statusOf(statuses, answered)).isEqualTo("responded");
    }

    private void assess(String path, String cycle, String indicator, String value) {
        assertThat(put(path, admin, Map.of("cycle", cycle, "indicatorId", indicator, "value", value)).statusCode())
                .isEqualTo(200);
    }

    private static String statusOf(JsonNode replies, String replyId) {
        for (JsonNode reply : replies) {
            if (reply.get("replyId").asString().equals(replyId)) {
                return reply.get("status").asString();
            }
        }
        throw new AssertionError("no reply " + replyId);
    }
}
