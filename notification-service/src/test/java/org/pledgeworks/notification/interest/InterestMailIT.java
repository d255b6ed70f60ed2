package org.pledgeworks.notification.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.notification.support.MailCatcher;
import org.pledgeworks.notification.support.MailServers;
import org.pledgeworks.notification.support.ServiceIT;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * campaign-service's {@code opportunity-interest-requested.v1} becomes one confirmation mail, at the
 * address as typed, with the confirm and withdraw links; what the person typed is escaped in the HTML; a
 * redelivery sends nothing more, and a link that is not http(s) is dead-lettered, never mailed.
 */
class InterestMailIT extends ServiceIT {

    private static final String TYPE = "opportunity-interest-requested.v1";
    private static final String TOPIC = "opportunity-interests";
    private static final String DIGEST = "opportunity-interest-digest-due.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final MailCatcher smtp = MailServers.smtp();

    @Test
    void theContractExampleBecomesOneConfirmationMailWithBothLinksAndARedeliverySendsNoSecond() throws Exception {
        ObjectNode example = example();
        String email = "Ada.Example+vol-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        example.put("email", email).put("name", "<b>Ada</b> & co");
        String json = JSON.writeValueAsString(example);
        EventContract.assertValid("campaigns/" + TYPE, json);
        String eventId = example.get("eventId").asString();
        String confirmUrl = example.get("confirmUrl").asString();
        String withdrawUrl = example.get("withdrawUrl").asString();

        KafkaProbe.publishEvent(TOPIC, example.get("opportunityId").asString(), TYPE, eventId, json);
        KafkaProbe.publishEvent(TOPIC, example.get("opportunityId").asString(), TYPE, eventId, json);

        MimeMessage mail = smtp.awaitMessagesTo(email, 1, Duration.ofSeconds(30)).get(0);
        assertThat(((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getAddress()).isEqualTo(email);
        assertThat(mail.getSubject()).isEqualTo("Confirm your interest: Speak at a school");
        MimeMultipart alternatives = (MimeMultipart) mail.getContent();
        String text = (String) alternatives.getBodyPart(0).getContent();
        String html = (String) alternatives.getBodyPart(1).getContent();
        String expiry = EXPIRY.format(Instant.parse(example.get("confirmExpiresAt").asString()));
        assertThat(text).contains(confirmUrl).contains(withdrawUrl).contains(expiry)
                .contains("fair-supply-coalition, who posted the opportunity, may contact you")
                .contains("Hello <b>Ada</b> & co");
        assertThat(html).contains("href=\"" + confirmUrl + "\"").contains("href=\"" + withdrawUrl + "\"")
                .contains("&lt;b&gt;Ada&lt;/b&gt; &amp; co").doesNotContain("<b>Ada");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> smtp.messagesTo(email).size() == 1);
    }

    @Test
    void aConfirmLinkThatIsNotHttpIsDeadLetteredAndNeverMailed() {
        ObjectNode example = example();
        String email = "poison-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        example.put("email", email).put("confirmUrl", "javascript:alert(1)");
        String eventId = example.get("eventId").asString();

        KafkaProbe.publishEvent(TOPIC, example.get("opportunityId").asString(), TYPE, eventId,
                JSON.writeValueAsString(example));

        ConsumerRecord<String, String> dead = KafkaProbe.awaitRecord(TOPIC + ".dlt",
                r -> r.value().contains(email), Duration.ofSeconds(30));
        assertThat(KafkaProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(smtp.messagesTo(email)).isEmpty();
    }

    @Test
    void aDigestBecomesOneMailToThePostingOrganisationListingEachPersonEscapedAndARedeliverySendsNoSecond()
            throws Exception {
        ObjectNode example = (ObjectNode) JSON.readTree(EventContract.exampleNow("campaigns/" + DIGEST));
        String eventId = UUID.randomUUID().toString();
        String to = "volunteers-" + eventId.substring(0, 8) + "@fair-supply.example.org";
        example.put("eventId", eventId).put("to", to).put("total", 3);
        ((ObjectNode) example.get("people").get(1)).put("name", "<b>Grace</b> & co");
        String json = JSON.writeValueAsString(example);
        EventContract.assertValid("campaigns/" + DIGEST, json);

        KafkaProbe.publishEvent(TOPIC, example.get("opportunityId").asString(), DIGEST, eventId, json);
        KafkaProbe.publishEvent(TOPIC, example.get("opportunityId").asString(), DIGEST, eventId, json);

        MimeMessage mail = smtp.awaitMessagesTo(to, 1, Duration.ofSeconds(30)).get(0);
        assertThat(mail.getSubject()).isEqualTo("New interest in Speak at a school: 3");
        MimeMultipart alternatives = (MimeMultipart) mail.getContent();
        String text = ((String) alternatives.getBodyPart(0).getContent()).replace("\r\n", "\n");
        String html = (String) alternatives.getBodyPart(1).getContent();
        assertThat(text).contains("3 people confirmed their interest in \"Speak at a school\"")
                .contains("- Ada Example <Ada.Example+volunteer@example.org>\n  I teach chemistry")
                .contains("- <b>Grace</b> & co <grace@example.org>")
                .contains("Not listed here: 1 more. The staff console").contains("http://127.0.0.1:8080/staff/");
        assertThat(html).contains("href=\"mailto:Ada.Example+volunteer@example.org\"")
                .contains("I teach chemistry and can speak to sixth-formers.")
                .contains("&lt;b&gt;Grace&lt;/b&gt; &amp; co").doesNotContain("<b>Grace")
                .contains("href=\"http://127.0.0.1:8080/staff/\"");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> smtp.messagesTo(to).size() == 1);
    }

    /** The contract's example at the test clock's now, with an event id of its own. */
    private static ObjectNode example() {
        ObjectNode example = (ObjectNode) JSON.readTree(EventContract.exampleNow("campaigns/" + TYPE));
        return example.put("eventId", UUID.randomUUID().toString());
    }
}
