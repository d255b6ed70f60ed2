package org.pledgeworks.notification.provider;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClock;
import org.pledgeworks.notification.subscribers.RecipientKeys;
import org.pledgeworks.notification.support.ServiceIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class StaffAndWebhooksIT extends ServiceIT {

    /** How the staff console receives an instant: "2026-11-28T04:19:01.000Z", milliseconds always shown. */
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Autowired
    RecipientKeys keys;

    @Test
    void staffPreviewATemplateWithAValidTokenOnly() throws Exception {
        String path = "/api/staff/notifications/templates/campaign-update/preview?locale=de&name=%3Cb%3EEve%3C%2Fb%3E";
        String valid = StaffTokens.forRoles(Map.of("fair-supply-coalition", "editor"));

        HttpResponse<String> preview = get(path, valid);

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("\"locale\":\"de\"").contains("Hallo &lt;b&gt;Eve&lt;/b&gt;")
                .contains("<strong>answered</strong>");
        assertThat(get(path, null).statusCode()).isEqualTo(401);
        assertThat(get(path, StaffTokens.token().audience("someone-else").sign()).statusCode()).as("wrong audience").isEqualTo(401);
        assertThat(get(path, StaffTokens.token().issuer("https://evil.example").sign()).statusCode()).as("wrong issuer").isEqualTo(401);
        assertThat(get(path, StaffTokens.token().expiresAt(TestClock.now().minusSeconds(600)).sign()).statusCode())
                .as("expired").isEqualTo(401);
        String unsigned = valid.substring(0, valid.lastIndexOf('.') + 1);
        assertThat(get(path, unsigned).statusCode()).as("no signature").isEqualTo(401);
    }

    @Autowired
    org.pledgeworks.notification.campaigns.CampaignDirectory campaigns;

    @Autowired
    org.pledgeworks.notification.stats.DeliveryStats stats;

    /** The shape the staff console reads; it must stay as it is. */
    @Test
    void deliveryStatsOfAMessageHaveTheShapeTheStaffConsoleReads() throws Exception {
        String campaign = "c-stats-" + UUID.randomUUID().toString().substring(0, 8);
        campaigns.handle(new org.pledgeworks.notification.campaigns.CampaignPublished(UUID.randomUUID(), TestClock.now(),
                campaign, "slug-" + campaign, "Stats", "en", "workers-voice"), "e-1");
        String messageId = UUID.randomUUID() + ":milestone";
        // published a while ago; the database keeps milliseconds
        Instant createdAt = TestClock.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.MILLIS);
        database.getCollection("messages").insertOne(new org.bson.Document("_id", messageId).append("campaignId", campaign)
                .append("kind", "milestone").append("status", "FANNED_OUT").append("published", 3)
                .append("createdAt", java.util.Date.from(createdAt)));
        stats.add(messageId, Map.of("queued", 3, "sent", 2, "bounced", 1));
        String token = StaffTokens.forRoles(Map.of("workers-voice", "viewer"));

        HttpResponse<String> one = get("/api/staff/notifications/messages/" + messageId, token);
        HttpResponse<String> list = get("/api/staff/notifications/campaigns/" + campaign + "/messages", token);

        assertThat(one.statusCode()).isEqualTo(200);
        String expected = "{\"messageId\":\"" + messageId + "\",\"campaignId\":\"" + campaign + "\",\"kind\":\"milestone\","
                + "\"status\":\"FANNED_OUT\",\"published\":3,\"createdAt\":\"" + CREATED_AT.format(createdAt) + "\","
                + "\"counts\":{\"queued\":3,\"sent\":2,\"deferred\":0,\"failed\":0,\"suppressed\":0,\"bounced\":1,"
                + "\"complained\":0,\"unsubscribed\":0}}";
        assertThat(one.body()).isEqualTo(expected);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("[" + expected + "]");
    }

    @Test
    void deliveryStatsOfAnotherOrganisationsCampaignAreNotFound() throws Exception {
        String token = StaffTokens.forRoles(Map.of("workers-voice", "admin"));
        assertThat(get("/api/staff/notifications/campaigns/c-unknown/messages", token).statusCode()).isEqualTo(404);
    }

    @Test
    void aSignedHardBounceSuppressesTheAddressAndAnUnsignedOneIsRefused() throws Exception {
        String email = "bounce+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String body = "{\"events\":[{\"type\":\"bounce\",\"bounceType\":\"hard\",\"email\":\"" + email
                + "\",\"idempotencyKey\":\"unknown\"}]}";
        String timestamp = String.valueOf(TestClock.now().getEpochSecond());

        assertThat(webhook(body, timestamp, "sha256=" + "00".repeat(32)).statusCode()).isEqualTo(401);
        assertThat(webhook(body, String.valueOf(TestClock.now().minusSeconds(3600).getEpochSecond()),
                sign(timestamp, body)).statusCode()).as("old timestamp").isEqualTo(401);
        assertThat(database.getCollection("suppressions").countDocuments(eq("_id", keys.idOf(email) + ":*"))).isZero();

        assertThat(webhook(body, timestamp, sign(timestamp, body)).statusCode()).isEqualTo(204);
        assertThat(database.getCollection("suppressions").find(eq("_id", keys.idOf(email) + ":*")).first())
                .containsEntry("reason", "HARD_BOUNCE");
    }

    @Test
    void theOpenApiDocumentIsServed() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/unsubscribe/{token}").contains("/api/staff/notifications/templates/{template}/preview");
    }

    private HttpResponse<String> webhook(String body, String timestamp, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/provider"))
                .header("Content-Type", "application/json").header("X-Webhook-Timestamp", timestamp)
                .header("X-Webhook-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String sign(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-webhook-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
