package org.pledgeworks.campaign.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import tools.jackson.databind.JsonNode;

class CampaignApiIT extends ServiceIT {

    @Test
    void theDemoCampaignIsPublicWithItsPledgeText() throws Exception {
        HttpResponse<String> response = get("/api/campaigns/" + DemoCampaign.SLUG);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age"));
        JsonNode campaign = json.readTree(response.body());
        assertThat(campaign.get("slug").asString()).isEqualTo(DemoCampaign.SLUG);
        assertThat(campaign.get("status").asString()).isEqualTo("open");
        assertThat(campaign.get("pledgeText").asString()).startsWith("I pledge");
        assertThat(campaign.get("pledgeTextVersion").asInt()).isEqualTo(1);
        // the default thresholds with its goal of 10,000 among them, for the page to say which are reached
        assertThat(campaign.get("milestones").toString()).isEqualTo("[100,1000,10000,100000]");
    }

    @Test
    void aCampaignIsServedInTheAskedLocaleOrTheBrowsersFallingBackToTheDefault() throws Exception {
        Map<String, Object> draft = CampaignMother.with(CampaignMother.draft(), "translations", Map.of(
                "fr", Map.of("title", "Campagne de test", "summary", "Un résumé", "pledgeText", "Je m'engage à tester."),
                "de", Map.of("title", "Testkampagne")));
        String slug = (String) draft.get("slug");
        String admin = CampaignMother.ownerAdmin();
        String id = read(post("/api/staff/campaigns", admin, draft)).get("campaignId").asString();
        assertThat(post("/api/staff/campaigns/" + id + "/publish", admin, null).statusCode()).isEqualTo(200);

        HttpResponse<String> french = get("/api/campaigns/" + slug + "?locale=fr");
        assertThat(french.statusCode()).isEqualTo(200);
        JsonNode fr = read(french);
        assertThat(fr.get("locale").asString()).isEqualTo("fr");
        assertThat(fr.get("title").asString()).isEqualTo("Campagne de test");
        assertThat(fr.get("summary").asString()).isEqualTo("Un résumé");
        assertThat(fr.get("pledgeText").asString()).isEqualTo("Je m'engage à tester.");
        assertThat(french.headers().firstValue("Content-Language")).hasValue("fr");
        assertThat(french.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Accept-Language"));

        JsonNode de = read(get("/api/campaigns/" + slug + "?locale=de-AT"));
        assertThat(de.get("locale").asString()).isEqualTo("de");
        assertThat(de.get("title").asString()).isEqualTo("Testkampagne");
        assertThat(de.get("summary").asString()).as("not translated: the default's").isEqualTo(draft.get("summary"));
        assertThat(de.get("pledgeText").asString()).isEqualTo(draft.get("pledgeText"));

        JsonNode unknown = read(get("/api/campaigns/" + slug + "?locale=es"));
        assertThat(unknown.get("locale").asString()).isEqualTo("en");
        assertThat(unknown.get("title").asString()).isEqualTo(draft.get("title"));
        assertThat(unknown.get("translations").has("fr")).as("all translations stay in the answer").isTrue();

        HttpResponse<String> browser = send(request("/api/campaigns/" + slug, null)
                .header("Accept-Language", "es, fr;q=0.8, en;q=0.5").GET());
        assertThat(read(browser).get("title").asString()).isEqualTo("Campagne de test");
        assertThat(browser.headers().firstValue("ETag")).isNotEqualTo(
                get("/api/campaigns/" + slug).headers().firstValue("ETag"));
        HttpResponse<String> parameterWins = send(request("/api/campaigns/" + slug + "?locale=en", null)
                .header("Accept-Language", "fr").GET());
        assertThat(read(parameterWins).get("title").asString()).isEqualTo(draft.get("title"));

        HttpResponse<String> bad = get("/api/campaigns/" + slug + "?locale=%3Cscript%3E");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(bad.body()).contains("locale");
    }

    @Test
    void theListOfOpenCampaignsHasTheDemo() throws Exception {
        HttpResponse<String> response = get("/api/campaigns");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = json.readTree(response.body());
        assertThat(page.get("items").findValuesAsString("slug")).contains(DemoCampaign.SLUG);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anUnknownSlugIsAProblemNotAnError() throws Exception {
        HttpResponse<String> response = get("/api/campaigns/no-such-campaign");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("title").asString()).isEqualTo("Campaign not found");
        assertThat(problem.get("detail").asString()).contains("no-such-campaign");
    }

    @Test
    void aPageSizeOutOfRangeIsABadRequest() throws Exception {
        HttpResponse<String> response = get("/api/campaigns?size=100000");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void publishingTheDemoTellsKafkaWithAnEventThatKeepsItsContract() {
        ConsumerRecord<String, String> record = KafkaProbe.awaitRecord("campaigns",
                r -> DemoCampaign.ID.equals(r.key()), Duration.ofSeconds(20));

        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo("campaign-published.v1");
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("campaign-service");
        JsonNode event = json.readTree(record.value());
        assertThat(KafkaProbe.header(record, "ce_id")).isEqualTo(event.get("eventId").asString());
        assertThat(event.get("slug").asString()).isEqualTo(DemoCampaign.SLUG);
        EventContract.assertValid("campaigns/campaign-published.v1", record.value());
    }
}
