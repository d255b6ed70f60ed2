package org.pledgeworks.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pledgeworks.notification.support.PledgeSignedMother.aPledge;

import java.time.Duration;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pledgeworks.kit.testing.TestClock;
import org.pledgeworks.notification.mail.Mail;
import org.pledgeworks.notification.support.MailCatcher;
import org.pledgeworks.notification.support.MailServers;
import org.pledgeworks.notification.support.PledgeSignedMother;
import org.pledgeworks.notification.support.ServiceIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class SmtpOutageIT extends ServiceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MailCatcher smtp = MailServers.smtp();

    @Autowired
    MongoDatabase database;

    @Test
    void whileTheMailServerIsDownTheMailWaitsAndIsSentOnceItIsBack(CapturedOutput output) {
        PledgeSignedMother pledge = aPledge();
        String id = pledge.eventId() + ":verification";
        double deferredBefore = count("notification.mails.deferred");

        smtp.stop();
        try {
            pledge.publish();

            Document deferred = await().atMost(TIMEOUT).until(() -> delivery(id),
                    d -> d != null && "QUEUED".equals(d.getString("status")) && d.getInteger("attempts") >= 2);
            assertThat(deferred.getDate("nextAttemptAt")).isNotNull();
            assertThat(deferred.getString("lastError")).contains("unreachable");
            assertThat(deferred.get("content")).as("kept until sent").isNotNull();
            assertThat(count("notification.mails.deferred") - deferredBefore).isGreaterThanOrEqualTo(2.0);
        }
        finally {
            smtp.restart();
        }

        smtp.awaitMessagesTo(pledge.email(), 1, TIMEOUT);
        Document sent = await().atMost(TIMEOUT).until(() -> delivery(id),
                d -> "SENT".equals(d.getString("status")));
        assertThat(sent.getInteger("attempts")).isGreaterThanOrEqualTo(3);
        // the retrier runs every 200 ms here: a second send would show within this second
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> smtp.messagesTo(pledge.email()).size() == 1);
        assertThat(output.getAll()).doesNotContainIgnoringCase(pledge.email());
    }

    @Test
    void anAddressThatCannotTakeMailFailsForGoodAndIsNeverRetried() {
        PledgeSignedMother pledge = aPledge().set("email", "not an address");
        String id = pledge.eventId() + ":verification";
        double failedBefore = count("notification.mails.failed");

        pledge.publish();

        Document failed = await().atMost(TIMEOUT).until(() -> delivery(id),
                d -> d != null && "FAILED".equals(d.getString("status")));
        assertThat(failed.getString("lastError")).isEqualTo("invalid recipient address");
        assertThat(failed.get("content")).isNull();
        assertThat(count("notification.mails.failed") - failedBefore).isEqualTo(1.0);
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                .until(() -> delivery(id).getInteger("attempts") == 1 && "FAILED".equals(delivery(id).getString("status")));
    }

    @Test
    void aDeliveryLeftClaimedByASenderThatDiedIsSentAfterTheTimeout() {
        String email = "orphan+" + System.nanoTime() + "@example.org";
        String id = "orphan-" + System.nanoTime() + ":verification";
        Delivery orphan = Delivery.claimedNew(
                new DeliveryRequest(id, "verification", "sig-1",
                        new Mail(email, "Confirm your signature: Orphans", "text", "<p>html</p>"), null, null),
                "<" + id.replace(':', '.') + "@pledgeworks.local>", "claim-of-a-dead-process");
        // claimed three minutes ago: longer than the sending timeout (2 min)
        deliveries().insertOne(orphan.toNewDocument(TestClock.now().minus(Duration.ofMinutes(3))));

        smtp.awaitMessagesTo(email, 1, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> "SENT".equals(delivery(id).getString("status")));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                .until(() -> smtp.messagesTo(email).size() == 1);
    }

    @Test
    void aDeliveryClaimedJustNowIsLeftToItsSender() {
        String email = "busy+" + System.nanoTime() + "@example.org";
        String id = "busy-" + System.nanoTime() + ":verification";
        Delivery claimed = Delivery.claimedNew(
                new DeliveryRequest(id, "verification", "sig-2", new Mail(email, "s", "text", "<p>html</p>"), null, null),
                "<" + id.replace(':', '.') + "@pledgeworks.local>", "claim-of-a-live-sender");
        deliveries().insertOne(claimed.toNewDocument(TestClock.now()));

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> "SENDING".equals(delivery(id).getString("status")));
        assertThat(smtp.messagesTo(email)).isEmpty();
    }

    private MongoCollection<Document> deliveries() {
        return database.getCollection(DeliveryRepository.COLLECTION);
    }

    private Document delivery(String id) {
        return deliveries().find(Filters.eq("_id", id)).first();
    }
}
