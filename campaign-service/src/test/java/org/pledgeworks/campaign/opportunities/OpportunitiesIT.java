package org.pledgeworks.campaign.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.OpportunityMother;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.StaffTokens;
import tools.jackson.databind.JsonNode;

/** Opportunities: drafted, published, revised and filled or closed, each change once and told to the world. */
class OpportunitiesIT extends ServiceIT {

    private static final String BASE = "/api/staff/campaigns/";

    private final String ownerAdmin = CampaignMother.ownerAdmin();
    private final String partnerEditor = StaffTokens.forRoles(Map.of(CampaignMother.PARTNER, "editor"));

    @Test
    void aPartnersOpportunityIsDraftedPublishedRevisedAndFilledWithAnEventForEachPublicChange() {
        Map<String, Object> campaign = CampaignMother.draft();
        String slug = (String) campaign.get("slug");
        String campaignId = openCampaign(campaign);
        Map<String, Object> body = OpportunityMother.with(OpportunityMother.inPerson(CampaignMother.PARTNER),
                "description", "Give a **talk**. <script>alert('x')</script>");

        HttpResponse<String> posted = post(BASE + campaignId + "/opportunities", partnerEditor, body);

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonNode draft = read(posted);
        String id = draft.get("opportunityId").asString();
        assertThat(draft.get("status").asString()).isEqualTo("draft");
        assertThat(draft.get("description").asString()).as("staff edit the source").contains("<script>");
        assertThat(read(get("/api/campaigns/" + slug + "/opportunities")).get("total").asLong()).isZero();
        assertThat(get("/api/opportunities/" + id).statusCode()).isEqualTo(404);

        HttpResponse<String> published = post(BASE + campaignId + "/opportunities/" + id + "/publish", partnerEditor, null);

        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(read(published).get("status").asString()).isEqualTo("published");
        assertThat(post(BASE + campaignId + "/opportunities/" + id + "/publish", partnerEditor, null).statusCode())
                .isEqualTo(409);
        JsonNode publicView = read(get("/api/opportunities/" + id));
        assertThat(publicView.get("descriptionHtml").asString()).contains("<strong>talk</strong>")
                .doesNotContain("<script");
        assertThat(publicView.has("description")).as("the source stays with staff").isFalse();
        assertThat(publicView.get("place").get("city").asString()).isEqualTo("Leipzig");
        assertThat(publicView.get("campaignSlug").asString()).isEqualTo(slug);
        assertThat(publicView.get("url").asString()).as("the campaign's page, at the opportunity")
                .endsWith("/campaigns/" + slug + "#opportunity-" + id);
        ConsumerRecord<String, String> publishedEvent = awaitEvent("opportunity-published.v1", id);
        EventContract.assertValid("campaigns/opportunity-published.v1", publishedEvent.value());
        assertThat(publishedEvent.key()).isEqualTo(campaignId);
        assertThat(json.readTree(publishedEvent.value()).get("opportunity").get("descriptionHtml").asString())
                .doesNotContain("<script");

        HttpResponse<String> edited = put(BASE + campaignId + "/opportunities/" + id, partnerEditor,
                OpportunityMother.with(body, "timeCommitment", "3 hours a month"));

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        ConsumerRecord<String, String> revised = awaitEvent("opportunity-revised.v1", id);
        EventContract.assertValid("campaigns/opportunity-revised.v1", revised.value());
        assertThat(json.readTree(revised.value()).get("opportunity").get("timeCommitment").asString())
                .isEqualTo("3 hours a month");

        HttpResponse<String> filled = post(BASE + campaignId + "/opportunities/" + id + "/fill", partnerEditor, null);

        assertThat(filled.statusCode()).as(filled.body()).isEqualTo(200);
        ConsumerRecord<String, String> closed = awaitEvent("opportunity-closed.v1", id);
        EventContract.assertValid("campaigns/opportunity-closed.v1", closed.value());
        assertThat(json.readTree(closed.value()).get("outcome").asString()).isEqualTo("filled");
        assertThat(read(get("/api/opportunities/" + id)).get("status").asString())
                .as("a link in a mail still answers, and says it is filled").isEqualTo("filled");
        assertThat(read(get("/api/campaigns/" + slug + "/opportunities")).get("total").asLong())
                .as("the list shows what still wants people").isZero();
        assertThat(put(BASE + campaignId + "/opportunities/" + id, partnerEditor, body).statusCode()).isEqualTo(409);
        assertThat(post(BASE + campaignId + "/opportunities/" + id + "/close", partnerEditor, null).statusCode())
                .isEqualTo(409);
    }

    @Test
    void aDraftIsEditedWithoutAnEventAndCannotBePublishedWhileItsCampaignIsADraft() throws Exception {
        String campaignId = read(post("/api/staff/campaigns", ownerAdmin, CampaignMother.draft())).get("campaignId")
                .asString();
        String id = read(post(BASE + campaignId + "/opportunities", ownerAdmin,
                OpportunityMother.inPerson(CampaignMother.OWNER))).get("opportunityId").asString();

        HttpResponse<String> edited = put(BASE + campaignId + "/opportunities/" + id, ownerAdmin,
                OpportunityMother.remote(CampaignMother.OWNER));
        HttpResponse<String> publish = post(BASE + campaignId + "/opportunities/" + id + "/publish", ownerAdmin, null);

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(read(edited).get("remote").asBoolean()).isTrue();
        assertThat(read(edited).get("place").isNull()).isTrue();
        assertThat(publish.statusCode()).as(publish.body()).isEqualTo(409);
        assertThat(read(publish).get("title").asString()).isEqualTo("Campaign not published");
        Thread.sleep(500);
        assertThat(KafkaProbe.count("campaigns", r -> r.value().contains(id))).as("drafts are nobody else's business")
                .isZero();
    }

    @Test
    void ofTwoRacingPublishersOneWinsAndOneEventLeaves() throws Exception {
        String campaignId = openCampaign(CampaignMother.draft());
        String id = draft(campaignId, OpportunityMother.inPerson(CampaignMother.OWNER));
        String path = BASE + campaignId + "/opportunities/" + id + "/publish";

        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> post(path, ownerAdmin, null));
        HttpResponse<String> second = post(path, ownerAdmin, null);

        assertThat(List.of(first.get().statusCode(), second.statusCode())).containsExactlyInAnyOrder(200, 409);
        awaitEvent("opportunity-published.v1", id);
        Thread.sleep(1000);
        assertThat(KafkaProbe.count("campaigns", isEvent("opportunity-published.v1", id))).isEqualTo(1);
    }

    @Test
    void thePublicListIsFilteredByCountryCityRemoteAndSkillAndPaged() {
        Map<String, Object> campaign = CampaignMother.draft();
        String slug = (String) campaign.get("slug");
        String campaignId = openCampaign(campaign);
        String leipzig = published(campaignId, OpportunityMother.inPerson(CampaignMother.OWNER));
        String online = published(campaignId, OpportunityMother.remote(CampaignMother.PARTNER));
        String lyon = published(campaignId, OpportunityMother.with(OpportunityMother.inPerson(CampaignMother.OWNER),
                "place", Map.of("city", "Lyon", "countryCode", "FR")));
        String hybrid = published(campaignId, OpportunityMother.with(OpportunityMother.inPerson(CampaignMother.PARTNER),
                "remote", true));
        draft(campaignId, OpportunityMother.inPerson(CampaignMother.OWNER));
        String closed = published(campaignId, OpportunityMother.inPerson(CampaignMother.OWNER));
        assertThat(post(BASE + campaignId + "/opportunities/" + closed + "/close", ownerAdmin, null).statusCode())
                .isEqualTo(200);
        String list = "/api/campaigns/" + slug + "/opportunities";

        assertThat(ids(list)).containsExactlyInAnyOrder(leipzig, online, lyon, hybrid);
        assertThat(ids(list + "?country=de")).containsExactlyInAnyOrder(leipzig, hybrid);
        assertThat(ids(list + "?city=LEIPZIG")).containsExactlyInAnyOrder(leipzig, hybrid);
        assertThat(ids(list + "?remote=true")).containsExactlyInAnyOrder(online, hybrid);
        assertThat(ids(list + "?remote=false")).containsExactlyInAnyOrder(leipzig, lyon);
        assertThat(ids(list + "?skill=public%20speaking")).containsExactlyInAnyOrder(leipzig, lyon, hybrid);
        assertThat(ids(list + "?skill=events%20coordination&remote=true")).containsExactly(online);
        assertThat(ids(list + "?country=FR&remote=true")).isEmpty();
        JsonNode firstPage = read(get(list + "?size=3"));
        JsonNode secondPage = read(get(list + "?size=3&page=1"));
        assertThat(firstPage.get("total").asLong()).isEqualTo(4);
        assertThat(firstPage.get("items").size()).isEqualTo(3);
        assertThat(secondPage.get("items").size()).isEqualTo(1);
        assertThat(secondPage.get("items").get(0).get("opportunityId").asString())
                .isNotIn(firstPage.get("items").findValuesAsString("opportunityId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"opportunity-published.v1", "opportunity-revised.v1", "opportunity-closed.v1"})
    void theContractExamplesMeetTheirSchemas(String type) {
        EventContract.assertValid("campaigns/" + type, EventContract.example("campaigns/" + type));
    }

    @Test
    void aListOfAnUnknownCampaignIsAProblem() {
        HttpResponse<String> response = get("/api/campaigns/no-such-campaign-here/opportunities");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private List<String> ids(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response).get("items").findValuesAsString("opportunityId");
    }

    private String draft(String campaignId, Map<String, Object> body) {
        String token = StaffTokens.forRoles(Map.of((String) body.get("postingOrganisation"), "editor"));
        HttpResponse<String> posted = post(BASE + campaignId + "/opportunities", token, body);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return read(posted).get("opportunityId").asString();
    }

    private String published(String campaignId, Map<String, Object> body) {
        String id = draft(campaignId, body);
        String token = StaffTokens.forRoles(Map.of((String) body.get("postingOrganisation"), "editor"));
        HttpResponse<String> published = post(BASE + campaignId + "/opportunities/" + id + "/publish", token, null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return id;
    }

    private static ConsumerRecord<String, String> awaitEvent(String type, String opportunityId) {
        return KafkaProbe.awaitRecord("campaigns", isEvent(type, opportunityId), Duration.ofSeconds(20));
    }

    private static Predicate<ConsumerRecord<String, String>> isEvent(String type, String opportunityId) {
        return r -> type.equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(opportunityId);
    }
}
