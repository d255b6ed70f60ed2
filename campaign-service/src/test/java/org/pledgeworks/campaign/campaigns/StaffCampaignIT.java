package org.pledgeworks.campaign.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClock;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

/** The campaign lifecycle as staff drive it, and what consumers and other services see of it. */
class StaffCampaignIT extends ServiceIT {

    private static final String BASE = "/api/staff/campaigns/";

    @Autowired
    ClosingJob closingJob;

    private final String admin = CampaignMother.ownerAdmin();

    @Test
    void aDraftIsInvisibleToConsumersUntilPublishedAndThenAnnouncedWithItsCoalition() {
        Map<String, Object> draft = CampaignMother.draft();
        JsonNode created = read(post("/api/staff/campaigns", admin, draft));
        String id = created.get("campaignId").asString();
        String slug = (String) draft.get("slug");
        assertThat(created.get("status").asString()).isEqualTo("draft");
        assertThat(get("/api/campaigns/" + slug).statusCode()).isEqualTo(404);

        HttpResponse<String> published = post(BASE + id + "/publish", admin, null);

        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(read(published).get("status").asString()).isEqualTo("open");
        JsonNode view = read(get("/api/campaigns/" + slug));
        assertThat(view.get("status").asString()).isEqualTo("open");
        assertThat(view.get("translations").get("fr").get("pledgeText").asString()).isEqualTo("Je m'engage à tester.");
        assertThat(view.get("descriptionHtml").asString()).isEqualTo("<p>Why it <strong>matters</strong>.</p>");
        ConsumerRecord<String, String> event = KafkaProbe.awaitRecord("campaigns",
                r -> id.equals(r.key()) && "campaign-published.v1".equals(KafkaProbe.header(r, "ce_type")),
                Duration.ofSeconds(20));
        EventContract.assertValid("campaigns/campaign-published.v1", event.value());
        assertThat(json.readTree(event.value()).get("partnerOrganisations").get(0).asString())
                .isEqualTo(CampaignMother.PARTNER);
        assertThat(post(BASE + id + "/publish", admin, null).statusCode()).isEqualTo(409);
    }

    @Test
    void aTakenSlugIsAConflict() {
        Map<String, Object> draft = CampaignMother.draft();
        assertThat(post("/api/staff/campaigns", admin, draft).statusCode()).isEqualTo(201);

        HttpResponse<String> again = post("/api/staff/campaigns", admin, CampaignMother.with(CampaignMother.draft(), "slug", draft.get("slug")));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(read(again).get("title").asString()).isEqualTo("Slug taken");
    }

    @Test
    void aCoalitionOfAHundredRunsACampaignTogether() {
        List<String> coalition = IntStream.rangeClosed(1, 100).mapToObj(i -> "coalition-member-" + i).toList();
        String id = openCampaign(CampaignMother.with(CampaignMother.draft(), "partnerOrganisations", coalition));

        ConsumerRecord<String, String> event = KafkaProbe.awaitRecord("campaigns",
                r -> id.equals(r.key()) && "campaign-published.v1".equals(KafkaProbe.header(r, "ce_type")),
                Duration.ofSeconds(20));
        EventContract.assertValid("campaigns/campaign-published.v1", event.value());
        assertThat(json.readTree(event.value()).get("partnerOrganisations").size()).isEqualTo(100);
        // the last partner's staff work on it as the first one's do
        String lastPartnerEditor = StaffTokens.forRoles(Map.of("coalition-member-100", "editor"));
        assertThat(read(get(BASE + id, lastPartnerEditor)).get("partnerOrganisations").size()).isEqualTo(100);
        HttpResponse<String> closed = post(BASE + id + "/close", lastPartnerEditor, null);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);

        List<String> tooMany = IntStream.rangeClosed(1, 501).mapToObj(i -> "member-" + i).toList();
        HttpResponse<String> refused = post("/api/staff/campaigns", admin,
                CampaignMother.with(CampaignMother.draft(), "partnerOrganisations", tooMany));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(read(refused).get("errors").findValuesAsString("field")).contains("partnerOrganisations");
    }

    @Test
    void editingChangesWhatConsumersReadButNotOwnershipOrCounts() {
        Map<String, Object> draft = CampaignMother.draft();
        String id = read(post("/api/staff/campaigns", admin, draft)).get("campaignId").asString();
        Map<String, Object> edit = CampaignMother.with(draft, "title", "A better title");
        edit.put("verifiedCount", 1_000_000);
        edit.put("status", "open");

        HttpResponse<String> edited = put(BASE + id, admin, edit);

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(read(edited).get("title").asString()).isEqualTo("A better title");
        assertThat(read(edited).get("status").asString()).isEqualTo("draft");
        HttpResponse<String> takeOver = put(BASE + id, admin, CampaignMother.with(draft, "ownerOrganisation", "someone"));
        assertThat(takeOver.statusCode()).isEqualTo(400);
    }

    @Test
    void descriptionsAreSanitisedWhenRendered() {
        Map<String, Object> draft = CampaignMother.with(CampaignMother.draft(), "description",
                "Hello <script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>");
        String id = read(post("/api/staff/campaigns", admin, draft)).get("campaignId").asString();

        String html = read(get(BASE + id, admin)).get("descriptionHtml").asString();

        // what is left of the attempts is harmless text
        assertThat(html).doesNotContain("<script", "javascript:", "<img").doesNotContainPattern("<[^>]*onerror");
    }

    @Test
    void revisingAPublishedPledgeTextMakesANewVersionAndTellsKafka() {
        String id = openCampaign(CampaignMother.draft());

        HttpResponse<String> revised = post(BASE + id + "/pledge-text", admin,
                Map.of("pledgeText", "I pledge, version two.", "translations", Map.of("fr", "Je m'engage, v2.")));

        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        assertThat(read(revised).get("pledgeTextVersion").asInt()).isEqualTo(2);
        assertThat(read(revised).get("translations").get("fr").get("pledgeText").asString()).isEqualTo("Je m'engage, v2.");
        JsonNode versions = read(get(BASE + id + "/pledge-text", admin));
        assertThat(versions.findValuesAsString("pledgeText")).containsExactly("I pledge to test things.",
                "I pledge, version two.");
        ConsumerRecord<String, String> event = KafkaProbe.awaitRecord("campaigns",
                r -> id.equals(r.key()) && "pledge-text-revised.v1".equals(KafkaProbe.header(r, "ce_type")),
                Duration.ofSeconds(20));
        EventContract.assertValid("campaigns/pledge-text-revised.v1", event.value());
        assertThat(json.readTree(event.value()).get("pledgeTextVersion").asInt()).isEqualTo(2);
    }

    @Test
    void closeThenArchive() {
        String id = openCampaign(CampaignMother.draft());
        assertThat(post(BASE + id + "/archive", admin, null).statusCode()).isEqualTo(409);

        assertThat(read(post(BASE + id + "/close", admin, null)).get("status").asString()).isEqualTo("closed");
        assertThat(read(post(BASE + id + "/archive", admin, null)).get("status").asString()).isEqualTo("archived");

        ConsumerRecord<String, String> event = KafkaProbe.awaitRecord("campaigns",
                r -> id.equals(r.key()) && "campaign-closed.v1".equals(KafkaProbe.header(r, "ce_type")),
                Duration.ofSeconds(20));
        EventContract.assertValid("campaigns/campaign-closed.v1", event.value());
    }

    @Test
    void aCampaignClosesByItselfAtItsEndDateOnceWhateverHowManyInstancesTry() throws Exception {
        Map<String, Object> draft = CampaignMother.draft();
        draft.put("endsAt", TestClock.now().plusSeconds(2).toString());
        String id = read(post("/api/staff/campaigns", admin, draft)).get("campaignId").asString();
        assertThat(post(BASE + id + "/publish", admin, null).statusCode()).isEqualTo(200);
        Thread.sleep(2500);

        // two instances' jobs at once, then again later
        Thread other = new Thread(closingJob::closeDue);
        other.start();
        closingJob.closeDue();
        other.join();
        closingJob.closeDue();

        assertThat(read(get(BASE + id, admin)).get("status").asString()).isEqualTo("closed");
        List<ConsumerRecord<String, String>> closed = KafkaProbe.awaitRecords("campaigns",
                r -> id.equals(r.key()) && "campaign-closed.v1".equals(KafkaProbe.header(r, "ce_type")), 1,
                Duration.ofSeconds(20));
        Thread.sleep(1000);
        assertThat(KafkaProbe.count("campaigns", r -> id.equals(r.key())
                && "campaign-closed.v1".equals(KafkaProbe.header(r, "ce_type")))).isEqualTo(1);
        assertThat(closed).hasSize(1);
    }

    @Test
    void thePublicListIsPagedAndSortedAndRevalidatesWithAnEtag() {
        openCampaign(CampaignMother.draft());
        openCampaign(CampaignMother.draft());

        JsonNode first = read(get("/api/campaigns?size=1&sort=newest"));
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(3);
        JsonNode byTitle = read(get("/api/campaigns?size=100&sort=title"));
        List<String> titles = byTitle.get("items").findValuesAsString("title");
        assertThat(titles).isSorted();

        HttpResponse<String> page = get("/api/campaigns/" + "no-forced-labour");
        String etag = page.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> revalidated = send(request("/api/campaigns/no-forced-labour", null)
                .header("If-None-Match", etag).GET());
        assertThat(revalidated.statusCode()).isEqualTo(304);
    }
}
