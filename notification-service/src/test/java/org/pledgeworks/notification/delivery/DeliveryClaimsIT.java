package org.pledgeworks.notification.delivery;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pledgeworks.notification.mail.Mail;
import org.pledgeworks.notification.mail.MailTransport;
import org.pledgeworks.notification.mail.OutgoingMail;
import org.pledgeworks.notification.mail.SendOutcome;
import org.pledgeworks.notification.support.ServiceIT;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * A claim is a sender's promise to send: the sending timeout must count from the send, not from the claim
 * (a bulk delivery is claimed when stored, then may wait its turn in a queue for a minute or more), and a
 * sender whose claim was released meanwhile must leave the mail to its new owner. Otherwise a slow but
 * living sender and the retrier both send it.
 */
class DeliveryClaimsIT extends ServiceIT {

    private static final Duration SENDING_TIMEOUT = Duration.ofMinutes(2);

    /**
     * Claimed this long ago, a delivery is still inside the service's own sending timeout (its retrier runs
     * every second here and must not take it first); the tests release as a retrier 20 s later would.
     */
    private static final Duration NEARLY_STALE = SENDING_TIMEOUT.minusSeconds(10);

    private Instant twentySecondsLaterCutoff() {
        return clock.instant().plusSeconds(20).minus(SENDING_TIMEOUT);
    }

    @Autowired
    DeliveryRepository repository;

    @Autowired
    DeliverySender sender;

    @Autowired
    MongoDatabase database;

    @Autowired
    Clock clock;

    @Test
    void aDeliveryThatWaitedLongerThanTheSendingTimeoutIsNotReleasedWhileItIsBeingSent() {
        Delivery waited = stored(clock.instant().minus(NEARLY_STALE));
        // a retrier's release runs while the mail is on its way to the server
        Transport transport = new Transport(() -> repository.releaseStuck(twentySecondsLaterCutoff(), clock.instant()));

        sender.attempt(List.of(waited), transport);

        assertThat(transport.sent).containsExactly(waited.id());
        assertThat(document(waited).getString("status")).as("sent, and not queued again for a second send")
                .isEqualTo("SENT");
    }

    @Test
    void aSenderWhoseClaimWasReleasedLeavesTheMailToItsNewOwner() {
        Delivery released = stored(clock.instant().minus(NEARLY_STALE));
        Delivery ours = stored(clock.instant());
        assertThat(repository.releaseStuck(twentySecondsLaterCutoff(), clock.instant())).isGreaterThanOrEqualTo(1);
        Transport transport = new Transport(() -> 0L);

        sender.attempt(List.of(released, ours), transport);

        assertThat(transport.sent).containsExactly(ours.id());
        assertThat(document(released).getString("claim")).as("no longer the first sender's")
                .isNotEqualTo(released.claim());
        assertThat(document(ours).getString("status")).isEqualTo("SENT");
    }

    private Delivery stored(Instant claimedAt) {
        String id = "claims-" + UUID.randomUUID();
        Mail mail = new Mail(id + "@example.org", "Claims", "text", null, Map.of());
        Delivery delivery = Delivery.claimedNew(new DeliveryRequest(id, "test", "claims", mail, null, claimedAt),
                "<" + id + "@pledgeworks.test>", UUID.randomUUID().toString());
        assertThat(repository.insert(delivery, claimedAt)).isTrue();
        return delivery;
    }

    private Document document(Delivery delivery) {
        return database.getCollection("deliveries").find(eq("_id", delivery.id())).first();
    }

    /** Accepts every mail; runs {@code whileSending} as the server takes them. */
    private static final class Transport implements MailTransport {

        private final java.util.function.LongSupplier whileSending;
        private final List<String> sent = new ArrayList<>();

        Transport(java.util.function.LongSupplier whileSending) {
            this.whileSending = whileSending;
        }

        @Override
        public String name() {
            return "test";
        }

        @Override
        public int maxBatch() {
            return 20;
        }

        @Override
        public List<SendOutcome> send(List<OutgoingMail> mails) {
            whileSending.getAsLong();
            mails.forEach(m -> sent.add(m.idempotencyKey()));
            return mails.stream().map(m -> SendOutcome.sent()).toList();
        }
    }
}
