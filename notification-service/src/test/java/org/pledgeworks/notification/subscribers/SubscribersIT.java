package org.pledgeworks.notification.subscribers;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pledgeworks.notification.support.PledgeVerifiedMother.aVerifiedPledge;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.notification.support.MailCatcher;
import org.pledgeworks.notification.support.MailServers;
import org.pledgeworks.notification.support.PledgeVerifiedMother;
import org.pledgeworks.notification.support.ServiceIT;

import org.springframework.beans.factory.annotation.Autowired;

class SubscribersIT extends ServiceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MailCatcher smtp = MailServers.smtp();

    @Autowired
    MongoDatabase database;

    @Autowired
    RecipientKeys keys;

    @Test
    void aVerifiedPledgeWithConsentMakesASubscriptionAndAConsentRecordThatProvesIt() throws Exception {
        String campaign = "c-" + unique();
        String email = "Sub.Scriber+" + unique() + "@example.org";
        PledgeVerifiedMother pledge = aVerifiedPledge(campaign, email);

        pledge.publish();

        MimeMessage thanks = smtp.awaitMessagesTo(email, 1, TIMEOUT).get(0);
        assertThat(thanks.getSubject()).startsWith("Thank you: ");
        assertThat((String) ((MimeMultipart) thanks.getContent()).getBodyPart(0).getContent())
                .contains("You asked for updates about this campaign");
        String recipientId = keys.idOf(email);
        Document subscription = await().atMost(TIMEOUT).until(
                () -> database.getCollection("subscriptions").find(eq("_id", campaign + ":" + recipientId)).first(),
                d -> d != null);
        assertThat(subscription.getString("status")).isEqualTo("ACTIVE");
        assertThat(subscription.getString("email")).isEqualTo(email);
        assertThat(subscription.getString("locale")).isEqualTo("en");
        Document consent = database.getCollection("consents").find(eq("_id", pledge.eventId())).first();
        assertThat(consent).isNotNull();
        assertThat(consent.getString("recipientId")).isEqualTo(recipientId);
        assertThat(consent.getString("campaignId")).isEqualTo(campaign);
        assertThat(consent.getString("purpose")).isEqualTo("campaign-updates");
        assertThat(consent.getString("wordingVersion")).isEqualTo("1");
        assertThat(consent.getString("wordingHash")).matches("sha256:[0-9a-f]{64}");
        assertThat(consent.get("source", Document.class)).containsEntry("type", "pledge")
                .containsEntry("id", pledge.signatureId());
        assertThat(consent.getString("ipHash")).isEqualTo("sha256:ab12cd34");
        assertThat(consent.getDate("givenAt")).isNotNull();
        assertThat(consent.toJson()).as("the proof holds no address").doesNotContainIgnoringCase(email);
    }

    @Test
    void withoutConsentTheSignerIsThankedButNotSubscribed() throws Exception {
        String campaign = "c-" + unique();
        String email = "no-consent+" + unique() + "@example.org";

        aVerifiedPledge(campaign, email).consent(false).publish();

        MimeMessage thanks = smtp.awaitMessagesTo(email, 1, TIMEOUT).get(0);
        assertThat((String) ((MimeMultipart) thanks.getContent()).getBodyPart(0).getContent())
                .contains("We will not write to you about this campaign again");
        assertThat(database.getCollection("subscriptions").countDocuments(eq("recipientId", keys.idOf(email)))).isZero();
    }

    @Test
    void aVerificationWithoutTheCountedFieldFromAnOlderProducerStillSubscribes() {
        String campaign = "c-" + unique();
        String email = "older+" + unique() + "@example.org";
        PledgeVerifiedMother pledge = aVerifiedPledge(campaign, email).withoutCounted();
        assertThat(pledge.json()).doesNotContain("counted");
        EventContract.assertValid("pledges/pledge-verified.v1", pledge.json());

        pledge.publish();

        smtp.awaitMessagesTo(email, 1, TIMEOUT);
        String recipientId = keys.idOf(email);
        await().atMost(TIMEOUT).until(() -> database.getCollection("subscriptions")
                .countDocuments(eq("_id", campaign + ":" + recipientId)) == 1);
    }

    @Test
    void aSignatureHeldInQuarantineSubscribesOnlyWhenStaffReleaseIt() throws Exception {
        String campaign = "c-" + unique();
        String email = "held+" + unique() + "@example.org";
        PledgeVerifiedMother pledge = aVerifiedPledge(campaign, email).held();
        EventContract.assertValid("pledges/pledge-verified.v1", pledge.json());

        pledge.publish();

        MimeMessage thanks = smtp.awaitMessagesTo(email, 1, TIMEOUT).get(0);
        assertThat(thanks.getSubject()).startsWith("Thank you: ");
        String recipientId = keys.idOf(email);
        assertThat(database.getCollection("subscriptions").countDocuments(eq("recipientId", recipientId)))
                .as("held: not a subscriber yet").isZero();

        String releaseId = pledge.publishRelease();
        pledge.publishRelease(); // a second release event (replayed by another relay) changes nothing more

        Document subscription = await().atMost(TIMEOUT).until(
                () -> database.getCollection("subscriptions").find(eq("_id", campaign + ":" + recipientId)).first(),
                d -> d != null);
        assertThat(subscription.getString("status")).isEqualTo("ACTIVE");
        Document consent = database.getCollection("consents").find(eq("_id", releaseId)).first();
        assertThat(consent).isNotNull();
        assertThat(consent.get("source", Document.class)).containsEntry("id", pledge.signatureId());
        await().during(Duration.ofSeconds(2)).atMost(TIMEOUT).until(() -> smtp.messagesTo(email).size() == 1);
        assertThat(database.getCollection("subscriptions").countDocuments(eq("recipientId", recipientId))).isEqualTo(1);
    }

    @Test
    void anErasureRemovesThePersonKeepsOnlyAKeyedHashAndAReplayDoesNotBringThemBack() {
        String campaign = "c-" + unique();
        String tag = unique();
        String email = "Erase.Me+" + tag + "@example.org";
        PledgeVerifiedMother pledge = aVerifiedPledge(campaign, email);
        pledge.publish();
        smtp.awaitMessagesTo(email, 1, TIMEOUT);
        String recipientId = keys.idOf(email);
        await().atMost(TIMEOUT).until(() -> database.getCollection("subscriptions")
                .countDocuments(eq("recipientId", recipientId)) == 1);

        // pledge-service sends the normalised identity: lower case, no +tag
        PledgeVerifiedMother.publishErasure("erase.me@example.org", pledge.signatureId());

        await().atMost(TIMEOUT).until(() -> database.getCollection("suppressions")
                .find(eq("_id", recipientId + ":*")).first() != null);
        Document suppression = database.getCollection("suppressions").find(eq("_id", recipientId + ":*")).first();
        assertThat(suppression.getString("reason")).isEqualTo("ERASED");
        assertThat(recipientId).matches("[0-9a-f]{40}");
        for (String collection : List.of("subscribers", "subscriptions", "consents")) {
            assertThat(database.getCollection(collection).countDocuments(eq("recipientId", recipientId)))
                    .as(collection).isZero();
        }
        assertThat(database.getCollection("subscribers").countDocuments(eq("_id", recipientId))).isZero();
        await().atMost(TIMEOUT).until(() -> database.getCollection("deliveries")
                .countDocuments(eq("aggregateId", pledge.signatureId())) == 1);
        assertThat(database.getCollection("deliveries").find(eq("aggregateId", pledge.signatureId())).first())
                .as("the thank-you mail keeps no address").doesNotContainKey("to").containsEntry("erased", true);

        // a replay of the old consent (same key, so before the marker on its partition) changes nothing
        pledge.publish();
        String marker = "marker+" + unique() + "@example.org";
        aVerifiedPledge(campaign, marker).consent(false).set("signatureId", pledge.signatureId()).publish();
        smtp.awaitMessagesTo(marker, 1, TIMEOUT);
        assertThat(database.getCollection("subscriptions").countDocuments(eq("recipientId", recipientId))).isZero();
        assertThat(database.getCollection("consents").countDocuments(eq("recipientId", recipientId))).isZero();
        assertThat(smtp.messagesTo(email)).hasSize(1);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
