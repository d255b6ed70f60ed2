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

    @Test
    void theGridGivesThePageEveryCellWithItsWordsEvidenceRepliesAndCyclesInOneCacheableRead() {
        Map<String, Object> draft = CampaignMother.draft();
        String slug = (String) draft.get("slug");
        String campaignId = openCampaign(draft);
        put(BASE + campaignId + "/card/framework", admin, ProgressCardBodies.framework());
        String ghana = addTarget(campaignId, Map.of("name", "Ghana", "kind", "country", "countryCode", "gh"));
        String peru = addTarget(campaignId, Map.of("name", "Peru", "kind", "country", "countryCode", "PE"));
        String ghanaAssess = BASE + campaignId + "/card/targets/" + ghana + "/assessments";
        assess(ghanaAssess, "2025", "policy", "no");
        assess(ghanaAssess, "2026", "policy", "yes");
        assess(ghanaAssess, "2026", "board", "partial");
        assertThat(put(ghanaAssess, admin, Map.of("cycle", "2026", "indicatorId", "suppliers", "value", "80",
                "evidenceLink", "https://example.org/ghana-2026.pdf", "evidenceNote", "Supplier list, p. 12"))
                .statusCode()).isEqualTo(200);
        assess(BASE + campaignId + "/card/targets/" + peru + "/assessments", "2026", "suppliers", "no-data");
        String replies = BASE + campaignId + "/card/targets/" + ghana + "/replies";
        String replyId = read(post(replies, admin, Map.of("deadline", TestClock.now().plusSeconds(86_400).toString(),
                "note", "Internal: chase the ministry by phone."))).get("replyId").asString();
        put(replies + "/" + replyId, admin, Map.of("response", "We adopted the policy in March.",
                "link", "https://example.org/ghana-reply"));
        post(BASE + campaignId + "/card/targets/" + peru + "/replies", admin,
                Map.of("deadline", TestClock.now().minusSeconds(60).toString()));

        var response = get("/api/campaigns/" + slug + "/card/grid");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(send(request("/api/campaigns/" + slug + "/card/grid", null).header("If-None-Match", etag).GET())
                .statusCode()).isEqualTo(304);
        assertThat(response.body()).as("what staff keep to themselves")
                .doesNotContain("Internal: chase", "Test Staff", "reviewedBy", "requestedBy");

        JsonNode grid = read(response);
        assertThat(grid.get("cycle").asString()).isEqualTo("2026");
        assertThat(grid.get("cycles").valueStream().map(JsonNode::asString)).containsExactly("2025", "2026");
        assertThat(grid.get("themes").findValuesAsString("themeId")).containsExactly("commitment", "traceability");
        assertThat(grid.get("bands").findValuesAsString("label")).contains("Good", "Fair", "Poor", "No data");
        JsonNode gh = grid.get("targets").get(0);
        assertThat(gh.get("name").asString()).isEqualTo("Ghana");
        assertThat(gh.get("countryCode").asString()).isEqualTo("GH");
        assertThat(gh.get("cells").findValuesAsString("label")).containsExactly("Yes", "Partial", "80%");
        assertThat(gh.get("cells").findValuesAsString("band")).containsExactly("good", "fair", "good");
        assertThat(gh.get("cells").get(2).get("evidenceLink").asString()).isEqualTo("https://example.org/ghana-2026.pdf");
        assertThat(gh.get("cells").get(2).get("evidenceNote").asString()).isEqualTo("Supplier list, p. 12");
        assertThat(gh.get("themes").get(0).get("label").asString()).isEqualTo("75 out of 100");
        assertThat(gh.get("overall").get("score").asDouble()).isEqualTo(77.5);
        assertThat(gh.get("overall").get("label").asString()).isEqualTo("77.5 out of 100");
        assertThat(gh.get("reply").get("status").asString()).isEqualTo("responded");
        assertThat(gh.get("reply").get("response").asString()).isEqualTo("We adopted the policy in March.");
        assertThat(gh.get("history").findValuesAsString("cycle")).containsExactly("2025", "2026");
        JsonNode pe = grid.get("targets").get(1);
        assertThat(pe.get("cells").findValuesAsString("label")).containsExactly("Not assessed", "Not assessed", "No data");
        assertThat(pe.get("overall").get("label").asString()).isEqualTo("No data");
        assertThat(pe.get("reply").get("status").asString()).isEqualTo("overdue");

        JsonNode earlier = read(get("/api/campaigns/" + slug + "/card/grid?cycle=2025"));
        assertThat(earlier.get("cycle").asString()).isEqualTo("2025");
        assertThat(earlier.get("targets").get(0).get("cells").findValuesAsString("label"))
                .containsExactly("No", "Not assessed", "Not assessed");
        assertThat(earlier.get("targets").get(1).get("overall").get("band").asString()).isEqualTo("not-assessed");
        assertThat(get("/api/campaigns/" + slug + "/card/grid?cycle=1999").statusCode()).isEqualTo(404);
        assertThat(get("/api/campaigns/" + slug + "/card/grid?cycle=no%20such").statusCode()).isEqualTo(400);
    }

    @Test
    void theGridOfADraftCampaignOrAnUnknownOneIsNotFound() {
        Map<String, Object> draft = CampaignMother.draft();
        String campaignId = createCampaign(draft);
        put(BASE + campaignId + "/card/framework", admin, ProgressCardBodies.framework());
        String target = addTarget(campaignId, Map.of("name", "Secret plc"));
        assess(BASE + campaignId + "/card/targets/" + target + "/assessments", "2026", "policy", "yes");

        var hidden = get("/api/campaigns/" + draft.get("slug") + "/card/grid");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain("Secret plc");
        assertThat(get("/api/campaigns/no-such-campaign-here/card/grid").statusCode()).isEqualTo(404);
    }

    @Test
    void theDemoCampaignHasASmallCardForANewcomerToSee() {
        JsonNode grid = read(get("/api/campaigns/no-forced-labour/card/grid"));
        assertThat(grid.get("cycles")).hasSize(2);
        assertThat(grid.get("targets")).hasSize(6);
        assertThat(grid.get("targets").findValuesAsString("countryCode")).contains("BR", "GB", "UZ");
        grid.get("targets").forEach(row -> assertThat(row.get("cells")).hasSize(3));
        assertThat(grid.get("targets").findValues("reply").stream().filter(r -> !r.isNull())
                .map(r -> r.get("status").asString())).containsExactlyInAnyOrder("responded", "pending");
    }

    private String addTarget(String campaignId, Map<String, Object> body) {
        var created = post(BASE + campaignId + "/card/targets", admin, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return read(created).get("targetId").asString();
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
