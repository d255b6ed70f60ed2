package org.pledgeworks.notification.staffmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.links.SealedText;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.notification.subscribers.SuppressionList;
import org.pledgeworks.notification.support.MailCatcher;
import org.pledgeworks.notification.support.MailServers;
import org.pledgeworks.notification.support.ServiceIT;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The gateway's {@code staff} events become mails, once each, with the link opened from its seal under the
 * shared secret ({@code test-token-secret} in ServiceIT): the invitation names who invited, to which
 * organisation, with which role, until when; the reset says for how long the link works, in the person's
 * language. What waits for a mail server is stored with the link sealed. A link sealed under another secret is
 * dead-lettered, never mailed; the membership event on the same topic is not this service's and is skipped.
 */
class StaffMailIT extends ServiceIT {

    private static final String INVITED = "staff-invitation-sent.v1";
    private static final String RESET = "staff-password-reset-requested.v1";
    private static final String MEMBERSHIP = "staff-membership-changed.v1";
    private static final String TOPIC = "staff";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SealedText SEALS = new SealedText("test-token-secret");

    private final MailCatcher smtp = MailServers.smtp();

    @Autowired
    MongoDatabase database;

    @Autowired
    SuppressionList suppressions;

    @Test
    void anInvitationIsMailedOnceWithItsLinkOpenedAndTheOrganisationEscapedInTheHtml() throws Exception {
        String link = "https://pledgeworks.test/staff/invitations/inv-1?token=t0k&step=accept";
        String sealed = SEALS.seal(link);
        ObjectNode invitation = example(INVITED).put("email", address("invited")).put("role", "editor")
                .put("organisationName", "<script>alert(1)</script> & \"Co\"").put("sealedLink", sealed);
        String json = JSON.writeValueAsString(invitation);
        EventContract.assertValid("staff/" + INVITED, json);

        publish(invitation, INVITED, json);
        publish(invitation, INVITED, json);

        String email = invitation.get("email").asString();
        MimeMessage mail = smtp.awaitMessagesTo(email, 1, TIMEOUT).get(0);
        assertThat(((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getAddress()).isEqualTo(email);
        assertThat(mail.getSubject())
                .isEqualTo("Coalition admin invited you to join <script>alert(1)</script> & \"Co\" on Pledgeworks");
        String expiry = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC)
                .format(Instant.parse(invitation.get("expiresAt").asString()));
        assertThat(text(mail)).contains("Coalition admin invited you to join <script>alert(1)</script> & \"Co\" on "
                        + "Pledgeworks as an editor.")
                .containsPattern(onALineOfItsOwn(link)).contains("The link works until " + expiry + ".")
                .contains("If you did not expect this invitation, you can ignore this email").doesNotContain(sealed);
        assertThat(html(mail)).contains("href=\"https://pledgeworks.test/staff/invitations/inv-1?token=t0k&amp;step=accept\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;")
                .doesNotContain("<script>").doesNotContain(sealed);
        assertOnlyOne(email);
    }

    @Test
    void anInvitationInFrenchNamesTheRoleAndTheExpiryInFrench() throws Exception {
        String link = "https://pledgeworks.test/staff/invitations/inv-fr";
        ObjectNode invitation = example(INVITED).put("email", address("invited-fr")).put("locale", "fr")
                .put("role", "admin").put("sealedLink", SEALS.seal(link));

        publish(invitation, INVITED, JSON.writeValueAsString(invitation));

        MimeMessage mail = smtp.awaitMessagesTo(invitation.get("email").asString(), 1, TIMEOUT).get(0);
        String expiry = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm 'UTC'", Locale.FRENCH).withZone(ZoneOffset.UTC)
                .format(Instant.parse(invitation.get("expiresAt").asString()));
        assertThat(mail.getSubject()).isEqualTo("Coalition admin vous invite à rejoindre Workers' Voice sur Pledgeworks");
        assertThat(text(mail)).contains("sur Pledgeworks avec le rôle administrateur.")
                .containsPattern(onALineOfItsOwn(link)).contains("Le lien est valable jusqu’au " + expiry + ".")
                .contains("Si vous n’attendiez pas cette invitation, vous pouvez ignorer cet e-mail");
    }

    @Test
    void aResetWaitsOutAMailServerOutageWithItsLinkSealedThenArrivesOnceInFrench() throws Exception {
        String link = "https://pledgeworks.test/staff/reset/r3set-t0ken";
        String sealed = SEALS.seal(link);
        ObjectNode reset = example(RESET).put("email", address("reset")).put("name", "Ada").put("locale", "fr")
                .put("sealedLink", sealed);
        String json = JSON.writeValueAsString(reset);
        EventContract.assertValid("staff/" + RESET, json);
        String id = reset.get("eventId").asString() + ":" + StaffMails.PASSWORD_RESET;

        smtp.stop();
        try {
            publish(reset, RESET, json);
            publish(reset, RESET, json);

            Document waiting = await().atMost(TIMEOUT).until(() -> delivery(id),
                    d -> d != null && "QUEUED".equals(d.getString("status")) && d.getInteger("attempts") >= 1);
            assertThat(waiting.toJson()).as("what the database holds while the mail waits")
                    .contains(sealed).doesNotContain(link);
        }
        finally {
            smtp.restart();
        }

        String email = reset.get("email").asString();
        MimeMessage mail = smtp.awaitMessagesTo(email, 1, TIMEOUT).get(0);
        String expiry = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm 'UTC'", Locale.FRENCH).withZone(ZoneOffset.UTC)
                .format(Instant.parse(reset.get("expiresAt").asString()));
        assertThat(mail.getSubject()).isEqualTo("Réinitialiser votre mot de passe Pledgeworks");
        assertThat(text(mail)).startsWith("Bonjour Ada,").containsPattern(onALineOfItsOwn(link))
                .contains("Le lien ne fonctionne qu’une fois, pendant une heure : jusqu’au " + expiry + ".")
                .contains("Si ce n’était pas vous, ignorez cet e-mail").doesNotContain(sealed);
        assertThat(html(mail)).contains("<html lang=\"fr\">").contains("href=\"" + link + "\"").doesNotContain(sealed);
        assertOnlyOne(email);
        assertThat(delivery(id).get("content")).as("dropped once sent").isNull();
    }

    @Test
    void aLinkSealedUnderAnotherSecretIsDeadLetteredAndNeverMailed() {
        ObjectNode reset = example(RESET).put("email", address("foreign-seal"))
                .put("sealedLink", new SealedText("another secret").seal("https://pledgeworks.test/staff/reset/x"));

        publish(reset, RESET, JSON.writeValueAsString(reset));

        String email = reset.get("email").asString();
        ConsumerRecord<String, String> dead = KafkaProbe.awaitRecord(TOPIC + ".dlt", r -> r.value().contains(email),
                TIMEOUT);
        assertThat(KafkaProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(smtp.messagesTo(email)).isEmpty();
    }

    /** Transactional, yet not to an address that bounced: the reset after it, on the same key, marks it handled. */
    @Test
    void anAddressSuppressedForAHardBounceGetsNoResetMail() {
        ObjectNode bounced = example(RESET).put("email", address("bounced"))
                .put("sealedLink", SEALS.seal("https://pledgeworks.test/staff/reset/bounced"));
        ObjectNode after = example(RESET).put("email", address("after-bounce"))
                .put("sealedLink", SEALS.seal("https://pledgeworks.test/staff/reset/after"));
        suppressions.suppressEverything(bounced.get("email").asString(), SuppressionList.Reason.HARD_BOUNCE);

        publish(bounced, RESET, JSON.writeValueAsString(bounced));
        publish(after, RESET, JSON.writeValueAsString(after));

        smtp.awaitMessagesTo(after.get("email").asString(), 1, TIMEOUT);
        assertThat(smtp.messagesTo(bounced.get("email").asString())).isEmpty();
        assertThat(delivery(bounced.get("eventId").asString() + ":" + StaffMails.PASSWORD_RESET)).isNull();
    }

    /** Keyed like the invitation after it, so once that is mailed the membership event has been handled. */
    @Test
    void aMembershipChangeIsSkippedNeitherMailedNorDeadLettered() throws Exception {
        ObjectNode changed = example(MEMBERSHIP);
        String member = address("member");
        ((ObjectNode) changed.get("member")).put("email", member);
        String changedId = changed.get("eventId").asString();
        ObjectNode invitation = example(INVITED).put("email", address("after-membership"))
                .put("organisationId", changed.get("organisationId").asString())
                .put("sealedLink", SEALS.seal("https://pledgeworks.test/staff/invitations/inv-2"));

        KafkaProbe.publishEvent(TOPIC, changed.get("organisationId").asString(), MEMBERSHIP, changedId,
                JSON.writeValueAsString(changed));
        publish(invitation, INVITED, JSON.writeValueAsString(invitation));

        smtp.awaitMessagesTo(invitation.get("email").asString(), 1, TIMEOUT);
        assertThat(smtp.messagesTo(member)).isEmpty();
        assertThat(KafkaProbe.count(TOPIC + ".dlt", r -> r.value().contains(changedId))).isZero();
    }

    private static void publish(ObjectNode event, String type, String json) {
        String key = event.has("organisationId") ? event.get("organisationId").asString() : event.get("accountId").asString();
        KafkaProbe.publishEvent(TOPIC, key, type, event.get("eventId").asString(), json);
    }

    private void assertOnlyOne(String email) {
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> smtp.messagesTo(email).size() == 1);
    }

    private Document delivery(String id) {
        return database.getCollection("deliveries").find(Filters.eq("_id", id)).first();
    }

    /** One person each: a +tag or a dot would not make another (the recipient id is of the normalised address). */
    private static String address(String purpose) {
        return "staff-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** The link whole, not a prefix of something longer; the text part's lines end in CRLF. */
    private static String onALineOfItsOwn(String link) {
        return "\\R" + Pattern.quote(link) + "\\R";
    }

    private static String text(MimeMessage mail) throws Exception {
        return (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
    }

    private static String html(MimeMessage mail) throws Exception {
        return (String) ((MimeMultipart) mail.getContent()).getBodyPart(1).getContent();
    }

    /** The contract's example at the test clock's now, with an event id of its own. */
    private static ObjectNode example(String type) {
        ObjectNode example = (ObjectNode) JSON.readTree(EventContract.exampleNow("staff/" + type));
        return example.put("eventId", UUID.randomUUID().toString());
    }
}
