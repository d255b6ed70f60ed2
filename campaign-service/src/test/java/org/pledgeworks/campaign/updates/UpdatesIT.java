package org.pledgeworks.campaign.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import javax.xml.parsers.DocumentBuilderFactory;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledgeworks.campaign.audit.AuditLog;
import org.pledgeworks.campaign.campaigns.CampaignAccess;
import org.pledgeworks.campaign.outbox.EventOutbox;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClock;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

/** Updates: written, previewed, edited, then published exactly once, now or at their time. */
class UpdatesIT extends ServiceIT {

    private static final String BASE = "/api/staff/campaigns/";

    @Autowired
    UpdateScheduler scheduler;

    @Autowired
    MongoDatabase database;

    @Autowired
    CampaignAccess access;

    @Autowired
    EventOutbox outbox;

    @Autowired
    AuditLog audit;

    @Autowired
    CampaignServiceProperties properties;

    @Autowired
    Clock clock;

    private final String admin = CampaignMother.ownerAdmin();

    @Test
    void anUpdateIsPreviewedSanitisedEditedAndPublishedOnce() throws Exception {
        Map<String, Object> draft = CampaignMother.draft();
        String slug = (String) draft.get("slug");
        String campaignId = openCampaign(draft);
        String updateId = read(post(BASE + campaignId + "/updates", admin, Map.of("title", "First news",
                "body", "Three brands **answered**. <script>alert('x')</script>",
                "variants", List.of(Map.of("locale", "fr", "title", "Premières nouvelles", "body", "Trois marques."))))).get("updateId").asString();

        JsonNode preview = read(get(BASE + campaignId + "/updates/" + updateId + "/preview", admin));
        assertThat(preview.get("bodyHtml").asString()).contains("<strong>answered</strong>").doesNotContain("<script");
        assertThat(preview.get("variants").get(0).get("bodyHtml").asString()).isEqualTo("<p>Trois marques.</p>");
        assertThat(put(BASE + campaignId + "/updates/" + updateId, admin, Map.of("title", "First news, edited",
                "body", "Three brands **answered**."))).extracting(HttpResponse::statusCode).isEqualTo(200);
        assertThat(read(get("/api/campaigns/" + slug + "/updates")).get("total").asLong()).isZero();

        HttpResponse<String> published = post(BASE + campaignId + "/updates/" + updateId + "/publish", admin, null);

        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(read(published).get("status").asString()).isEqualTo("published");
        assertThat(post(BASE + campaignId + "/updates/" + updateId + "/publish", admin, null).statusCode()).isEqualTo(409);
        assertThat(put(BASE + campaignId + "/updates/" + updateId, admin, Map.of("title", "Too late", "body", "x"))
                .statusCode()).isEqualTo(409);
        ConsumerRecord<String, String> event = KafkaProbe.awaitRecord("campaigns", isPublicationOf(updateId),
                Duration.ofSeconds(20));
        EventContract.assertValid("campaigns/campaign-update-published.v1", event.value());
        JsonNode payload = json.readTree(event.value());
        assertThat(payload.get("title").asString()).isEqualTo("First news, edited");
        assertThat(payload.get("bodyText").asString()).isEqualTo("Three brands answered.");
        assertThat(payload.get("campaignSlug").asString()).isEqualTo(slug);
        assertThat(payload.get("url").asString())
                .isEqualTo(properties.publicBaseUrl() + "/campaigns/" + slug + "#update-" + updateId);

        JsonNode feed = read(get("/api/campaigns/" + slug + "/updates"));
        assertThat(feed.get("items").findValuesAsString("title")).containsExactly("First news, edited");
        HttpResponse<String> atom = get("/api/campaigns/" + slug + "/updates.atom");
        assertThat(atom.statusCode()).isEqualTo(200);
        assertThat(atom.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/atom+xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new InputSource(new StringReader(atom.body())));
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(xml.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isEqualTo(1);
        assertThat(atom.body()).contains("First news, edited").contains("&lt;strong&gt;answered&lt;/strong&gt;");
        assertThat(atom.body()).as("the feed's page is the campaign's")
                .contains("href=\"" + properties.publicBaseUrl() + "/campaigns/" + slug + "\"");
    }

    @Test
    void aScheduledUpdateIsPublishedOnceAlsoByARestartedInstanceRacingTheOldOne() throws Exception {
        Map<String, Object> draft = CampaignMother.draft();
        String slug = (String) draft.get("slug");
        String campaignId = openCampaign(draft);
        String updateId = read(post(BASE + campaignId + "/updates", admin, Map.of("title", "Scheduled news",
                "body", "Later."))).get("updateId").asString();
        HttpResponse<String> scheduled = post(BASE + campaignId + "/updates/" + updateId + "/schedule", admin,
                Map.of("publishAt", TestClock.now().plusSeconds(2).toString()));
        assertThat(read(scheduled).get("status").asString()).isEqualTo("scheduled");
        assertThat(scheduler.publishDue()).isZero();

        Thread.sleep(2500);
        // a fresh instance (as after a restart: nothing in memory, the same clock) and the running one, at once
        Updates restarted = new Updates(new UpdateRepository(database), access, outbox, audit, clock, properties);
        CompletableFuture<Integer> byRestarted = CompletableFuture.supplyAsync(restarted::publishDue);
        int byRunning = scheduler.publishDue();
        assertThat(byRunning + byRestarted.get()).isEqualTo(1);
        assertThat(scheduler.publishDue() + restarted.publishDue()).isZero();

        assertThat(read(get(BASE + campaignId + "/updates/" + updateId, admin)).get("status").asString())
                .isEqualTo("published");
        assertThat(read(get("/api/campaigns/" + slug + "/updates")).get("items").findValuesAsString("title"))
                .containsExactly("Scheduled news");
        KafkaProbe.awaitRecord("campaigns", isPublicationOf(updateId), Duration.ofSeconds(20));
        Thread.sleep(1000);
        assertThat(KafkaProbe.count("campaigns", isPublicationOf(updateId))).isEqualTo(1);
    }

    @Test
    void anEditorUnschedulesAScheduledUpdateAndItIsNotPublishedWhenDue() throws Exception {
        Map<String, Object> draft = CampaignMother.draft();
        String slug = (String) draft.get("slug");
        String campaignId = openCampaign(draft);
        String editor = StaffTokens.forRoles(Map.of(CampaignMother.PARTNER, "editor"));
        String updateId = read(post(BASE + campaignId + "/updates", editor, Map.of("title", "Not yet",
                "body", "Held back."))).get("updateId").asString();
        assertThat(read(post(BASE + campaignId + "/updates/" + updateId + "/schedule", editor,
                Map.of("publishAt", TestClock.now().plusSeconds(2).toString()))).get("status").asString())
                .isEqualTo("scheduled");

        HttpResponse<String> unscheduled = post(BASE + campaignId + "/updates/" + updateId + "/unschedule", editor, null);

        assertThat(unscheduled.statusCode()).as(unscheduled.body()).isEqualTo(200);
        assertThat(read(unscheduled).get("status").asString()).isEqualTo("draft");
        JsonNode publishAt = read(unscheduled).path("publishAt");
        assertThat(publishAt.isNull() || publishAt.isMissingNode()).as("no publish time left").isTrue();
        assertThat(post(BASE + campaignId + "/updates/" + updateId + "/unschedule", editor, null).statusCode())
                .as("unscheduling a draft changes nothing").isEqualTo(200);
        Thread.sleep(2500);
        assertThat(scheduler.publishDue()).as("past the old due time, nothing to publish").isZero();
        assertThat(read(get(BASE + campaignId + "/updates/" + updateId, editor)).get("status").asString())
                .isEqualTo("draft");
        assertThat(read(get("/api/campaigns/" + slug + "/updates")).get("total").asLong()).isZero();

        // once published it cannot be unscheduled
        assertThat(post(BASE + campaignId + "/updates/" + updateId + "/publish", editor, null).statusCode()).isEqualTo(200);
        HttpResponse<String> tooLate = post(BASE + campaignId + "/updates/" + updateId + "/unschedule", editor, null);
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(tooLate.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void updatesOfADraftCampaignWaitForTheCampaign() {
        String campaignId = read(post("/api/staff/campaigns", admin, CampaignMother.draft())).get("campaignId").asString();
        String updateId = read(post(BASE + campaignId + "/updates", admin, Map.of("title", "Too early", "body", "x")))
                .get("updateId").asString();

        assertThat(post(BASE + campaignId + "/updates/" + updateId + "/publish", admin, null).statusCode())
                .isEqualTo(409);
    }

    private static Predicate<ConsumerRecord<String, String>> isPublicationOf(String updateId) {
        return r -> "campaign-update-published.v1".equals(KafkaProbe.header(r, "ce_type"))
                && r.value().contains(updateId);
    }
}
