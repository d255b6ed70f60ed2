package org.pledgeworks.notification.bulk;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pledgeworks.notification.support.PledgeVerifiedMother.aVerifiedPledge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pledgeworks.notification.stats.DeliveryStats;
import org.pledgeworks.notification.subscribers.RecipientKeys;
import org.pledgeworks.notification.support.CampaignEventMother;
import org.pledgeworks.notification.support.FakeProvider;
import org.pledgeworks.notification.support.MailServers;
import org.pledgeworks.notification.support.ServiceIT;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bulk mail end to end: subscribers from verified pledges, an update fanned out through
 * {@code notifications} and sent in batches through the HTTP provider (WireMock), and the
 * one-click unsubscribe from the mail's own List-Unsubscribe header.
 */
class BulkMailIT extends ServiceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final FakeProvider provider = MailServers.provider();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    MongoDatabase database;

    @Autowired
    RecipientKeys keys;

    @Autowired
    DeliveryStats stats;

    @LocalServerPort
    int port;

    @Test
    void anUpdateReachesEverySubscriberOnceInTheirLanguageAndOneClickUnsubscribesForGood() throws Exception {
        String campaign = "c-" + unique();
        String ada = "ada+" + unique() + "@example.org";
        String bea = "bea+" + unique() + "@example.org";
        String cem = "cem+" + unique() + "@example.org";
        aVerifiedPledge(campaign, ada).publish();
        aVerifiedPledge(campaign, bea).set("locale", "de-AT").publish();
        aVerifiedPledge(campaign, cem).publish();
        await().atMost(TIMEOUT).until(() -> database.getCollection("subscriptions")
                .countDocuments(eq("campaignId", campaign)) == 3);

        CampaignEventMother update = CampaignEventMother.anUpdate(campaign);
        update.publish();
        update.publish(); // redelivered: no second fan-out

        try {
            await().atMost(TIMEOUT).until(() -> provider.acceptedFor(ada) == 1 && provider.acceptedFor(bea) == 1
                    && provider.acceptedFor(cem) == 1);
        }
        catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("DEBUG accepted " + provider.acceptedByAddress() + " want " + ada + " " + bea + " " + cem);
            provider.requests().forEach(r -> System.out.println("DEBUG sent " + r.to() + " " + r.accepted()));
            throw e;
        }
        await().atMost(TIMEOUT).until(() -> stats.counts(update.messageId()).get("sent") == 3);
        JsonNode toAda = sentTo(ada);
        JsonNode toBea = sentTo(bea);
        assertThat(toAda.get("subject").asString()).isEqualTo("We met the buyers");
        assertThat(toBea.get("subject").asString()).isEqualTo("Wir haben die Einkäufer getroffen");
        assertThat(toBea.get("text").asString()).contains("Große Neuigkeiten.").contains("Abmelden: https://");
        assertThat(toAda.get("html").asString()).contains("<p>Big <strong>news</strong> from the meeting.</p>");
        String listUnsubscribe = toAda.get("headers").get("List-Unsubscribe").asString();
        assertThat(listUnsubscribe).matches("<https://pledgeworks\\.test/unsubscribe/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+>, "
                + "<mailto:unsubscribe@pledgeworks\\.local\\?subject=unsubscribe%20[A-Za-z0-9_.-]+>");
        assertThat(toAda.get("headers").get("List-Unsubscribe-Post").asString()).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(toAda.get("headers").get("Message-ID").asString()).endsWith("@pledgeworks.local>");
        assertThat(toAda.get("idempotencyKey").asString()).isEqualTo(update.messageId() + ":" + keys.idOf(ada));
        String token = listUnsubscribe.substring(listUnsubscribe.indexOf("/unsubscribe/") + 13, listUnsubscribe.indexOf('>'));

        // what a mail scanner does: follow the link. Nothing changes.
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(local("/unsubscribe/" + token)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\" action=\"/unsubscribe/" + token + "\"");
        assertThat(status(campaign, ada)).isEqualTo("ACTIVE");

        // what a mail client does for RFC 8058 one-click
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(local("/unsubscribe/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("You are unsubscribed");
        assertThat(status(campaign, ada)).isEqualTo("UNSUBSCRIBED");
        assertThat(database.getCollection("suppressions").find(eq("_id", keys.idOf(ada) + ":" + campaign)).first())
                .containsEntry("reason", "UNSUBSCRIBED");
        assertThat(stats.counts(update.messageId()).get("unsubscribed")).isEqualTo(1);

        // the next bulk mail reaches the other two only
        CampaignEventMother milestone = CampaignEventMother.aMilestone(campaign);
        milestone.publish();
        await().atMost(TIMEOUT).until(() -> provider.acceptedFor(bea) == 2 && provider.acceptedFor(cem) == 2);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> provider.acceptedFor(ada) == 1);
        assertThat(sentTo(cem).get("subject").asString()).isEqualTo("1,004 people have signed Fair supply: " + campaign);
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(local("/unsubscribe/dTF8MHxhYmN8LXwt.AAAAAAAAAAAAAAAAAAAAAA"))
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
    }

    /**
     * A bulk delivery is stored without its rendered mail: one the provider did not take at first waits in
     * the queue as an address, a name and a language, and is rendered again from its message when retried,
     * into the same mail (language, unsubscribe link, Message-ID, idempotency key) the first attempt carried.
     */
    @Test
    void aBulkMailThatWaitedInTheQueueIsRenderedAgainAsItWasFirst() {
        String campaign = "c-" + unique();
        String dan = "dan+" + unique() + "@example.org";
        var noResult = provider.server().stubFor(WireMock.post(FakeProvider.BATCH_PATH)
                .atPriority(1).withRequestBody(WireMock.containing(dan))
                .willReturn(WireMock.okJson("{\"results\": []}")));
        try {
            aVerifiedPledge(campaign, dan).set("locale", "de-AT").publish();
            await().atMost(TIMEOUT).until(() -> database.getCollection("subscriptions")
                    .countDocuments(eq("campaignId", campaign)) == 1);
            CampaignEventMother update = CampaignEventMother.anUpdate(campaign);
            update.publish();

            String deliveryId = update.messageId() + ":" + keys.idOf(dan);
            Document queued = await().atMost(TIMEOUT).until(
                    () -> database.getCollection("deliveries").find(eq("_id", deliveryId)).first(),
                    d -> d != null && "QUEUED".equals(d.getString("status")) && d.getInteger("attempts", 0) == 1);
            assertThat(queued).doesNotContainKey("content").containsEntry("to", dan).containsEntry("locale", "de-AT");
        }
        finally {
            provider.server().removeStub(noResult);
        }

        await().atMost(TIMEOUT).until(() -> provider.acceptedFor(dan) == 1);
        // the fake counts an acceptance as it answers; its journal records the request just after
        List<FakeProvider.Sent> attempts = await().atMost(TIMEOUT).until(
                () -> provider.requests().stream().filter(s -> s.to().equals(dan)).toList(), sent -> sent.size() >= 2);
        assertThat(attempts).hasSize(2);
        JsonNode first = attempts.get(0).message();
        JsonNode retried = attempts.get(1).message();
        assertThat(attempts.get(1).accepted()).isTrue();
        assertThat(retried.get("subject").asString()).isEqualTo("Wir haben die Einkäufer getroffen");
        for (String field : List.of("idempotencyKey", "subject", "text", "html")) {
            assertThat(retried.get(field).asString()).as(field).isEqualTo(first.get(field).asString());
        }
        assertThat(retried.get("headers")).isEqualTo(first.get("headers"));
        // once sent, only the record that it was sent stays: nothing that renders the mail again
        String deliveryId = retried.get("idempotencyKey").asString();
        Document sent = await().atMost(TIMEOUT).until(
                () -> database.getCollection("deliveries").find(eq("_id", deliveryId)).first(),
                d -> d != null && "SENT".equals(d.getString("status")));
        assertThat(sent).doesNotContainKeys("content", "name", "locale").containsEntry("to", dan);
    }

    private String status(String campaign, String email) {
        return database.getCollection("subscriptions").find(eq("_id", campaign + ":" + keys.idOf(email))).first()
                .getString("status");
    }

    /** The last message sent to this address, from WireMock's journal. */
    private JsonNode sentTo(String email) {
        List<FakeProvider.Sent> sent = provider.requests().stream().filter(s -> s.to().equals(email)).toList();
        assertThat(sent).isNotEmpty();
        return sent.get(sent.size() - 1).message();
    }

    private URI local(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

}
