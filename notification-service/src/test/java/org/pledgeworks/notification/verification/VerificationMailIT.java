package org.pledgeworks.notification.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pledgeworks.notification.support.PledgeSignedMother.aPledge;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.notification.support.MailCatcher;
import org.pledgeworks.notification.support.MailServers;
import org.pledgeworks.notification.support.PledgeSignedMother;
import org.pledgeworks.notification.support.ServiceIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class VerificationMailIT extends ServiceIT {

    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);
    /** How the mail tells a reader anywhere when the link stops working: "5 December 2026, 09:15 UTC". */
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final MailCatcher smtp = MailServers.smtp();

    @Autowired
    MongoDatabase database;

    @Test
    void theContractExampleBecomesOneVerificationMailToTheAddressAsTyped(CapturedOutput output) throws Exception {
        PledgeSignedMother example = PledgeSignedMother.theContractExample();
        EventContract.assertValid("pledges/pledge-signed.v1", example.json());
        String expiry = EXPIRY.format(example.verificationExpiresAt());

        example.publish();

        MimeMessage mail = smtp.awaitMessagesTo(example.email(), 1, MAIL_TIMEOUT).get(0);
        InternetAddress to = (InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo("Ada.Example+pledges@example.org");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("no-reply@pledgeworks.local");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Pledgeworks");
        assertThat(mail.getSubject()).isEqualTo("Confirm your signature: Buy only goods made without forced labour");
        assertThat(mail.getHeader("Message-ID"))
                .containsExactly("<" + example.eventId() + ".verification@pledgeworks.local>");
        assertThat(mail.getHeader("Date")).hasSize(1);
        assertThat(mail.getSentDate()).isNotNull();

        assertThat(mail.isMimeType("multipart/alternative")).isTrue();
        MimeMultipart alternatives = (MimeMultipart) mail.getContent();
        assertThat(alternatives.getCount()).isEqualTo(2);
        BodyPart text = alternatives.getBodyPart(0);
        BodyPart html = alternatives.getBodyPart(1);
        assertThat(text.isMimeType("text/plain")).isTrue();
        assertThat(html.isMimeType("text/html")).isTrue();
        assertThat((String) text.getContent()).contains(example.verificationUrl())
                .contains(expiry)
                .contains("If you did not sign this pledge, you can ignore this email");
        assertThat((String) html.getContent()).contains("href=\"" + example.verificationUrl() + "\"")
                .contains(expiry)
                .contains("If you did not sign this pledge, you can ignore this email");

        // one mail, and it stays one
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> smtp.messagesTo(example.email()).size() == 1);
        assertThat(output.getAll()).doesNotContainIgnoringCase(example.email()).doesNotContain(example.name());
    }

    @Test
    void whatTheSignerTypedIsEscapedInTheHtmlPart() throws Exception {
        PledgeSignedMother pledge = aPledge()
                .set("name", "<script>alert('x')</script> Ada")
                .set("campaignTitle", "Fish & \"chips\" <b>fair</b>");

        pledge.publish();

        MimeMessage mail = smtp.awaitMessagesTo(pledge.email(), 1, MAIL_TIMEOUT).get(0);
        MimeMultipart alternatives = (MimeMultipart) mail.getContent();
        String text = (String) alternatives.getBodyPart(0).getContent();
        String html = (String) alternatives.getBodyPart(1).getContent();
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Ada")
                .contains("Fish &amp; &quot;chips&quot; &lt;b&gt;fair&lt;/b&gt;")
                .doesNotContain("<script>")
                .doesNotContain("<b>fair");
        assertThat(text).contains("<script>alert('x')</script> Ada");
        assertThat(mail.getSubject()).isEqualTo("Confirm your signature: Fish & \"chips\" <b>fair</b>");
    }

    @Test
    void aRedeliveredEventSendsNoSecondMail() throws Exception {
        PledgeSignedMother first = aPledge();
        // same key, so the same partition: the three are processed in the order sent
        PledgeSignedMother later = aPledge().set("signatureId", first.signatureId());
        double repeatedBefore = count("notification.deliveries.repeated");
        long handoversBefore = handovers();

        first.publish();
        first.publish();
        later.publish();

        // the later event's mail means the listener is past the redelivered one
        smtp.awaitMessagesTo(later.email(), 1, MAIL_TIMEOUT);
        List<MimeMessage> mails = smtp.awaitMessagesTo(first.email(), 1, MAIL_TIMEOUT);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> smtp.messagesTo(first.email()).size() == 1);
        assertThat(mails).hasSize(1);
        assertThat(count("notification.deliveries.repeated") - repeatedBefore).isEqualTo(1.0);

        Document delivery = await().atMost(Duration.ofSeconds(5)).until(
                () -> database.getCollection("deliveries")
                        .find(Filters.eq("_id", first.eventId() + ":verification")).first(),
                d -> d != null && "SENT".equals(d.getString("status")));
        assertThat(delivery.getInteger("attempts")).isEqualTo(1);
        assertThat(delivery.get("sentAt")).isNotNull();
        assertThat(delivery.get("content")).as("the mail's content is dropped once sent").isNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> handovers() - handoversBefore == 2);
    }

    private long handovers() {
        return meters.find("notification.mails.handover").timers().stream().mapToLong(t -> t.count()).sum();    }
}
