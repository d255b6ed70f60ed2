package org.pledgeworks.notification.follow;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoDatabase;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClock;
import org.pledgeworks.notification.campaigns.CampaignDirectory;
import org.pledgeworks.notification.campaigns.CampaignPublished;
import org.pledgeworks.notification.subscribers.MailLinks;
import org.pledgeworks.notification.subscribers.RecipientKeys;
import org.pledgeworks.notification.subscribers.Subscriptions;
import org.pledgeworks.notification.subscribers.SuppressionList;
import org.pledgeworks.notification.support.MailCatcher;
import org.pledgeworks.notification.support.MailServers;
import org.pledgeworks.notification.support.ServiceIT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Follow this campaign" (double opt-in), consent as exportable proof, and the preference page, as a
 * person and a staff member meet them over HTTP, with the confirm mail read from the SMTP server.
 */
class FollowAndConsentIT extends ServiceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern FOLLOW_LINK = Pattern.compile("https://pledgeworks\\.test(/follow/[A-Za-z0-9_.-]+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MailCatcher smtp = MailServers.smtp();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Autowired
    RecipientKeys keys;

    @Autowired
    CampaignDirectory campaigns;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    SuppressionList suppressions;

    @Autowired
    MailLinks links;

    @Test
    void aFollowIsConfirmedOnlyByThePostOfTheConfirmPageOnceAndLeavesAConsentRecord() throws Exception {
        String campaign = campaign("workers-voice");
        String email = "follower+" + unique() + "@example.org";

        HttpResponse<String> accepted = follow("{\"campaignSlug\":\"slug-" + campaign + "\",\"email\":\"" + email
                + "\",\"name\":\"Fran <b>\",\"locale\":\"de-AT\"}", "203.0.113.7");
        assertThat(accepted.statusCode()).isEqualTo(202);

        MimeMessage mail = smtp.awaitMessagesTo(email, 1, TIMEOUT).get(0);
        assertThat(mail.getSubject()).isEqualTo("Bitte bestätigen: Neuigkeiten zu Campaign " + campaign);
        String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        String path = followPath(text);

        // a mail scanner fetching the link (twice) changes nothing
        HttpResponse<String> page = get(path);
        get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\" action=\"" + path + "\">").contains("Campaign " + campaign);
        String recipientId = keys.idOf(email);
        assertThat(database.getCollection("subscriptions").countDocuments(eq("_id", campaign + ":" + recipientId))).isZero();
        assertThat(database.getCollection("consents").countDocuments(eq("recipientId", recipientId))).isZero();

        HttpResponse<String> confirmed = post(path, "");
        HttpResponse<String> again = post(path, "");

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(confirmed.body()).contains("You are following Campaign " + campaign);
        Document subscription = database.getCollection("subscriptions").find(eq("_id", campaign + ":" + recipientId)).first();
        assertThat(subscription).containsEntry("status", "ACTIVE").containsEntry("email", email).containsEntry("locale", "de-AT");
        List<Document> consents = database.getCollection("consents").find(eq("recipientId", recipientId)).into(new java.util.ArrayList<>());
        assertThat(consents).hasSize(1);
        Document consent = consents.get(0);
        assertThat(consent.getString("purpose")).isEqualTo("campaign-updates");
        assertThat(consent.getString("wordingVersion")).isEqualTo("1");
        assertThat(consent.getString("wordingHash")).isEqualTo(subscriptions.wordingHash()).matches("sha256:[0-9a-f]{64}");
        assertThat(consent.get("source", Document.class)).containsEntry("type", "follow");
        assertThat(consent.getString("ipHash")).matches("[0-9a-f]{32}").doesNotContain("203.0.113.7");
        assertThat(consent.getDate("givenAt")).isNotNull();
        assertThat(smtp.messagesTo(email)).as("one confirm mail").hasSize(1);
    }

    @Test
    void theAnswerIsTheSameForNewKnownSubscribedAndSuppressedAddressesAndABouncedOneGetsNoMail() throws Exception {
        String campaign = campaign("workers-voice");
        String fresh = "fresh+" + unique() + "@example.org";
        String subscribed = "subscribed+" + unique() + "@example.org";
        String bounced = "bounced+" + unique() + "@example.org";
        subscriptions.consent(new Subscriptions.NewConsent("c-" + unique(), subscribed, "S", "en", campaign, "pledge",
                "sig-1", null, TestClock.now()));
        suppressions.suppress(keys.idOf(bounced), SuppressionList.EVERYTHING, SuppressionList.Reason.HARD_BOUNCE);

        List<HttpResponse<String>> answers = List.of(followBySlug(campaign, fresh), followBySlug(campaign, subscribed),
                followBySlug(campaign, bounced), followBySlug(campaign, fresh));

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(202);
            assertThat(answer.body()).isEqualTo(answers.get(0).body());
        }
        smtp.awaitMessagesTo(fresh, 1, TIMEOUT);
        smtp.awaitMessagesTo(subscribed, 1, TIMEOUT);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> smtp.messagesTo(bounced).isEmpty());
        assertThat(smtp.messagesTo(fresh)).as("asking twice within the resend window mails once").hasSize(1);
    }

    @Test
    void badRequestsAreProblemsNamingTheField() throws Exception {
        String campaign = campaign("workers-voice");

        HttpResponse<String> noEmail = follow("{\"campaignSlug\":\"slug-" + campaign + "\",\"email\":\"not-an-address\"}", null);
        HttpResponse<String> noCampaign = follow("{\"email\":\"a@example.org\"}", null);
        HttpResponse<String> unknown = follow("{\"campaignId\":\"c-nope-" + unique() + "\",\"email\":\"a@example.org\"}", null);
        HttpResponse<String> notJson = follow("{", null);

        for (HttpResponse<String> answer : List.of(noEmail, noCampaign, unknown, notJson)) {
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(field(noEmail)).isEqualTo("email");
        assertThat(field(noCampaign)).isEqualTo("campaignSlug");
        assertThat(field(unknown)).isEqualTo("campaignId");
    }

    @Test
    void someoneWhoLeftEverythingComesBackOnlyThroughTheConfirmationAndItIsRecorded() throws Exception {
        String campaign = campaign("workers-voice");
        String email = "returner+" + unique() + "@example.org";
        String recipientId = keys.idOf(email);
        subscriptions.consent(new Subscriptions.NewConsent("c-" + unique(), email, "R", "en", campaign, "pledge",
                "sig-2", null, TestClock.now().minusSeconds(60)));
        subscriptions.unsubscribe(recipientId, null);
        assertThat(suppressions.isSuppressed(recipientId, campaign)).isTrue();

        followBySlug(campaign, email);
        String path = followPath((String) ((MimeMultipart) smtp.awaitMessagesTo(email, 1, TIMEOUT).get(0).getContent())
                .getBodyPart(0).getContent());
        assertThat(suppressions.isSuppressed(recipientId, campaign)).as("asking is not confirming").isTrue();

        assertThat(post(path, "").statusCode()).isEqualTo(200);

        assertThat(suppressions.isSuppressed(recipientId, campaign)).isFalse();
        Document followConsent = database.getCollection("consents").find(eq("recipientId", recipientId))
                .into(new java.util.ArrayList<>()).stream()
                .filter(d -> "follow".equals(d.get("source", Document.class).getString("type"))).findFirst().orElseThrow();
        assertThat(followConsent.getList("liftedSuppressions", Document.class))
                .extracting(d -> d.getString("scope") + ":" + d.getString("reason")).containsExactly("*:UNSUBSCRIBED");
        assertThat(database.getCollection("subscriptions").find(eq("_id", campaign + ":" + recipientId)).first())
                .containsEntry("status", "ACTIVE");
    }

    @Test
    void anErasureDropsAPendingFollowSoItsOldLinkCannotSubscribeThePersonAgain() throws Exception {
        String campaign = campaign("workers-voice");
        String tag = unique();
        String email = "Pending.Follower+" + tag + "@example.org";
        String recipientId = keys.idOf(email);
        followBySlug(campaign, email);
        String path = followPath((String) ((MimeMultipart) smtp.awaitMessagesTo(email, 1, TIMEOUT).get(0).getContent())
                .getBodyPart(0).getContent());
        assertThat(database.getCollection("follow_requests").countDocuments(eq("recipientId", recipientId))).isEqualTo(1);

        // pledge-service sends the normalised identity: lower case, no +tag
        org.pledgeworks.notification.support.PledgeVerifiedMother.publishErasure("pending.follower@example.org");

        await().atMost(TIMEOUT).until(() -> database.getCollection("follow_requests")
                .countDocuments(eq("recipientId", recipientId)) == 0);
        assertThat(database.getCollection("follow_requests").find(eq("email", email)).first())
                .as("the address is nowhere in follow requests").isNull();
        HttpResponse<String> confirm = post(path, "");
        assertThat(confirm.statusCode()).as("the old link confirms nothing").isNotEqualTo(200);
        assertThat(database.getCollection("subscriptions").countDocuments(eq("recipientId", recipientId))).isZero();
        assertThat(database.getCollection("consents").countDocuments(eq("recipientId", recipientId))).isZero();
        assertThat(suppressions.isSuppressed(recipientId, campaign)).isTrue();
    }

    @Test
    void staffOfTheOrganisationExportConsentRecordsAsJsonAndCsvOthersCannot() throws Exception {
        String campaign = campaign("workers-voice");
        String email = "proof+" + unique() + "@example.org";
        // given a month ago, to the second as the export shows it
        Instant givenAt = TestClock.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        subscriptions.consent(new Subscriptions.NewConsent("c-proof-" + unique(), email, "P", "en", campaign, "pledge",
                "sig-3", "sha256:ab12", givenAt));
        subscriptions.unsubscribe(keys.idOf(email), campaign);
        String path = "/api/staff/notifications/campaigns/" + campaign + "/consents";

        HttpResponse<String> json = staffGet(path, StaffTokens.forRoles(Map.of("workers-voice", "editor")), null);
        HttpResponse<String> csv = staffGet(path + "?format=csv", StaffTokens.forRoles(Map.of("workers-voice", "admin")), null);
        HttpResponse<String> csvByAccept = staffGet(path, StaffTokens.forRoles(Map.of("workers-voice", "admin")), "text/csv");

        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode records = JSON.readTree(json.body());
        assertThat(records).hasSize(1);
        JsonNode record = records.get(0);
        assertThat(record.get("subscriberEmail").asString()).isEqualTo(email);
        assertThat(record.get("purpose").asString()).isEqualTo("campaign-updates");
        assertThat(record.get("wordingVersion").asString()).isEqualTo("1");
        assertThat(record.get("wordingHash").asString()).isEqualTo(subscriptions.wordingHash());
        assertThat(record.get("givenAt").asString()).isEqualTo(givenAt.toString());
        assertThat(record.get("source").asString()).isEqualTo("pledge");
        assertThat(record.get("ipHash").asString()).isEqualTo("sha256:ab12");
        assertThat(record.get("withdrawnAt").isNull()).as("withdrawn when they unsubscribed").isFalse();
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().split("\r\n")).hasSize(2);
        assertThat(csv.body()).startsWith("consentId,campaignId,subscriberEmail,purpose").contains(email)
                .contains(givenAt.toString());
        assertThat(csvByAccept.body()).isEqualTo(csv.body());

        assertThat(staffGet(path, StaffTokens.forRoles(Map.of("other-org", "admin")), null).statusCode()).isEqualTo(404);
        assertThat(staffGet(path, StaffTokens.forRoles(Map.of("workers-voice", "viewer")), null).statusCode()).isEqualTo(403);
        assertThat(staffGet(path, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void staffOfAPartnerOrganisationSeeConsentsAndDeliveryFiguresAsTheOwnersDo() throws Exception {
        // published through Kafka, as campaign-service does: the partners come from the event
        String campaign = "c-partners-" + unique();
        String event = JSON.writeValueAsString(JSON.createObjectNode().put("eventId", UUID.randomUUID().toString())
                .put("occurredAt", TestClock.now().toString()).put("campaignId", campaign).put("slug", "slug-" + campaign)
                .put("title", "Campaign " + campaign).put("defaultLocale", "en")
                .put("ownerOrganisation", "fair-supply-coalition")
                .set("partnerOrganisations", JSON.createArrayNode().add("workers-voice").add("shop-local")));
        org.pledgeworks.kit.testing.KafkaProbe.publishEvent("campaigns", campaign, CampaignPublished.TYPE,
                UUID.randomUUID().toString(), event);
        await().atMost(TIMEOUT).until(() -> campaigns.find(campaign)
                .map(c -> c.partnerOrganisations().size() == 2).orElse(false));
        String email = "partnered+" + unique() + "@example.org";
        subscriptions.consent(new Subscriptions.NewConsent("c-p-" + unique(), email, "P", "en", campaign, "pledge",
                "sig-4", null, TestClock.now()));
        String consents = "/api/staff/notifications/campaigns/" + campaign + "/consents";
        String messages = "/api/staff/notifications/campaigns/" + campaign + "/messages";

        for (String organisation : List.of("fair-supply-coalition", "workers-voice", "shop-local")) {
            HttpResponse<String> export = staffGet(consents, StaffTokens.forRoles(Map.of(organisation, "admin")), null);
            assertThat(export.statusCode()).as(organisation).isEqualTo(200);
            assertThat(JSON.readTree(export.body()).get(0).get("subscriberEmail").asString()).isEqualTo(email);
            assertThat(staffGet(messages, StaffTokens.forRoles(Map.of(organisation, "viewer")), null).statusCode())
                    .as(organisation + " viewer, delivery figures").isEqualTo(200);
        }
        assertThat(staffGet(consents, StaffTokens.forRoles(Map.of("workers-voice", "viewer")), null).statusCode())
                .as("a partner's viewer cannot export").isEqualTo(403);
        assertThat(staffGet(consents, StaffTokens.forRoles(Map.of("workers-voice", "viewer", "shop-local", "editor")), null)
                .statusCode()).as("an editor in one partner, a viewer in another").isEqualTo(200);
        assertThat(staffGet(consents, StaffTokens.forRoles(Map.of("other-org", "admin")), null).statusCode()).isEqualTo(404);
        assertThat(staffGet(messages, StaffTokens.forRoles(Map.of("other-org", "admin")), null).statusCode()).isEqualTo(404);
    }

    @Test
    void thePreferencePageShowsChangesAndLeavesEverythingAndItsGetChangesNothing() throws Exception {
        String one = campaign("workers-voice");
        String two = campaign("workers-voice");
        String email = "prefs+" + unique() + "@example.org";
        String recipientId = keys.idOf(email);
        subscriptions.consent(new Subscriptions.NewConsent("c-" + unique(), email, "P", "en", one, "pledge", "s1", null,
                TestClock.now()));
        subscriptions.consent(new Subscriptions.NewConsent("c-" + unique(), email, "P", "en", two, "pledge", "s2", null,
                TestClock.now()));
        String path = links.preferencesUrl(recipientId).replaceFirst("^https://pledgeworks\\.test", "");

        HttpResponse<String> page = get(path);
        get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Campaign " + one).contains("Campaign " + two).contains("Leave everything")
                .contains(path + "/consents");
        assertThat(activeOf(recipientId)).containsExactlyInAnyOrder(one, two);

        HttpResponse<String> consents = get(path + "/consents");
        assertThat(consents.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(consents.body())).hasSize(2);
        assertThat(consents.body()).contains(email).contains(subscriptions.wordingHash());
        assertThat(activeOf(recipientId)).as("downloading changes nothing").containsExactlyInAnyOrder(one, two);

        HttpResponse<String> leftOne = post(path, "campaignId=" + URLEncoder.encode(one, StandardCharsets.UTF_8));
        assertThat(leftOne.statusCode()).isEqualTo(200);
        assertThat(leftOne.body()).doesNotContain("Campaign " + one).contains("Campaign " + two);
        assertThat(activeOf(recipientId)).containsExactly(two);
        assertThat(suppressions.isSuppressed(recipientId, one)).isTrue();
        assertThat(suppressions.isSuppressed(recipientId, two)).isFalse();

        post(path, "scope=all");
        post(path, "scope=all");
        assertThat(activeOf(recipientId)).isEmpty();
        assertThat(suppressions.isSuppressed(recipientId, two)).isTrue();
        assertThat(get(path).body()).contains("You get no campaign updates from us.");
        assertThat(get(path.substring(0, path.length() - 3) + "xyz").statusCode()).as("a changed token").isEqualTo(400);
    }

    private List<String> activeOf(String recipientId) {
        return subscriptions.ofRecipient(recipientId).stream().filter(s -> "ACTIVE".equals(s.status()))
                .map(Subscriptions.Subscription::campaignId).toList();
    }

    private String campaign(String organisation) {
        String id = "c-follow-" + unique();
        campaigns.handle(new CampaignPublished(UUID.randomUUID(), TestClock.now(), id, "slug-" + id, "Campaign " + id, "en",
                organisation), UUID.randomUUID().toString());
        return id;
    }

    private static String followPath(String text) {
        Matcher link = FOLLOW_LINK.matcher(text);
        assertThat(link.find()).as("a confirm link in " + text).isTrue();
        return link.group(1);
    }

    private static String field(HttpResponse<String> problem) {
        return JSON.readTree(problem.body()).get("errors").get(0).get("field").asString();
    }

    private HttpResponse<String> followBySlug(String campaign, String email) throws Exception {
        return follow("{\"campaignSlug\":\"slug-" + campaign + "\",\"email\":\"" + email + "\"}", null);
    }

    private HttpResponse<String> follow(String body, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/notifications/follow"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> staffGet(String path, String token, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
