package org.pledgeworks.campaign.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledgeworks.campaign.support.EventContract;
import org.pledgeworks.campaign.support.KafkaProbe;
import org.pledgeworks.campaign.support.ServiceIT;
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
