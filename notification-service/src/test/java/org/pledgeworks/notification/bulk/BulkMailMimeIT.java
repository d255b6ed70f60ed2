package org.pledgeworks.notification.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.TestClock;
import org.pledgeworks.notification.mail.Mail;
import org.pledgeworks.notification.mail.MailComposer;
import org.pledgeworks.notification.subscribers.MailLinks;
import org.pledgeworks.notification.support.ServiceIT;

import org.springframework.beans.factory.annotation.Autowired;

/** A real bulk mail, composed to bytes as it leaves, parsed back: RFC 8058 headers and both parts. */
class BulkMailMimeIT extends ServiceIT {

    @Autowired
    BulkMail bulkMail;

    @Autowired
    MailLinks links;

    @Test
    void aBulkMailCarriesOneClickUnsubscribeHeadersAndBothAlternatives() throws Exception {
        // the Date header carries whole seconds
        Instant sentAt = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
        Document message = new Document("_id", "e1:campaign-update").append("kind", "campaign-update")
                .append("campaignId", "c-demo-forced-labour").append("campaignTitle", "Fish & \"chips\"")
                .append("locale", "en").append("occurredAt", Date.from(TestClock.now()))
                .append("variables", new Document("title", "Three brands answered")
                        .append("bodyHtml", "<p>Three brands <strong>answered</strong>.</p>")
                        .append("bodyText", "Three brands answered.").append("url", "https://pledgeworks.test/c"))
                .append("variants", List.of());
        Mail mail = bulkMail.render(message, "rcpt-1", "reader@example.org", "<script>x</script>", "en");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new MailComposer("Pledgeworks <no-reply@pledgeworks.local>")
                .compose(mail, "<e1.campaign-update.rcpt-1@pledgeworks.local>", sentAt)
                .writeTo(bytes);
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(parsed.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String[] listUnsubscribe = parsed.getHeader("List-Unsubscribe");
        assertThat(listUnsubscribe).hasSize(1);
        String value = listUnsubscribe[0].replaceAll("\\r?\\n\\s+", " ");
        assertThat(value).matches("<https://pledgeworks\\.test/unsubscribe/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)>, "
                + "<mailto:unsubscribe@pledgeworks\\.local\\?subject=unsubscribe%20\\1>");
        String token = value.substring(value.indexOf("/unsubscribe/") + 13, value.indexOf('>'));
        assertThat(links.readUnsubscribe(token)).contains(
                new MailLinks.Unsubscribe("rcpt-1", "c-demo-forced-labour", "e1:campaign-update"));
        assertThat(token).as("opaque: no address in it").doesNotContain("reader");
        assertThat(parsed.getHeader("List-Id")[0]).isEqualTo("<c-demo-forced-labour.campaigns.pledgeworks.local>");
        assertThat(parsed.getHeader("Message-ID")).containsExactly("<e1.campaign-update.rcpt-1@pledgeworks.local>");
        assertThat(parsed.getSentDate()).isEqualTo(Date.from(sentAt));

        assertThat(parsed.isMimeType("multipart/alternative")).isTrue();
        MimeMultipart parts = (MimeMultipart) parsed.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains("Three brands answered.").contains("Unsubscribe: https://pledgeworks.test/unsubscribe/" + token);
        assertThat(html).contains("<p>Three brands <strong>answered</strong>.</p>")
                .contains("&lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>")
                .contains("Fish &amp; &quot;chips&quot;")
                .contains("href=\"https://pledgeworks.test/unsubscribe/" + token + "\"");
    }
}
