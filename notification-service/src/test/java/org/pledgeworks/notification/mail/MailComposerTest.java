package org.pledgeworks.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.TestClock;

class MailComposerTest {

    /** When the mail is composed: now, in the whole seconds the Date header carries. */
    private static final Instant DATE = TestClock.now().truncatedTo(ChronoUnit.SECONDS);

    private final MailComposer composer = new MailComposer("Pledgeworks <no-reply@pledgeworks.local>");

    @Test
    void aMailIsMultipartAlternativeWithTextThenHtmlInUtf8() throws Exception {
        MimeMessage parsed = roundTrip(new Mail("Zoë.Example+pledges@example.org", "Confirm your signature: Café ☕",
                "Hello Zoë,\nopen https://x.test/verify/abc", "<p>Hello Zo&euml;, <a href=\"https://x.test/verify/abc\">confirm</a></p>"),
                "<e1.verification@pledgeworks.local>");

        assertThat(parsed.isMimeType("multipart/alternative")).isTrue();
        MimeMultipart parts = (MimeMultipart) parsed.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        // text travels in canonical form, lines ending in CRLF
        assertThat((String) parts.getBodyPart(0).getContent()).isEqualTo("Hello Zoë,\r\nopen https://x.test/verify/abc");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("href=\"https://x.test/verify/abc\"");
        assertThat(parsed.getSubject()).isEqualTo("Confirm your signature: Café ☕");
    }

    @Test
    void headersCarryOurMessageIdTheDateAndBothAddresses() throws Exception {
        MimeMessage parsed = roundTrip(new Mail("Ada.Example+pledges@example.org", "s", "t", "<p>h</p>"),
                "<e1.verification@pledgeworks.local>");

        assertThat(parsed.getHeader("Message-ID")).containsExactly("<e1.verification@pledgeworks.local>");
        assertThat(parsed.getSentDate().toInstant()).isEqualTo(DATE);
        InternetAddress from = (InternetAddress) parsed.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@pledgeworks.local");
        assertThat(from.getPersonal()).isEqualTo("Pledgeworks");
        assertThat(parsed.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("Ada.Example+pledges@example.org");
        assertThat(parsed.getHeader("MIME-Version")).containsExactly("1.0");
    }

    @Test
    void aLineBreakInTheSubjectCannotStartAHeaderOfItsOwn() throws Exception {
        MimeMessage parsed = roundTrip(new Mail("a@example.org", "Confirm: Evil\r\nBcc: victim@example.org", "t", "h"),
                "<e2@pledgeworks.local>");

        assertThat(parsed.getHeader("Bcc")).isNull();
        assertThat(parsed.getSubject()).isEqualTo("Confirm: Evil Bcc: victim@example.org");
    }

    @Test
    void anInvalidRecipientAddressIsRefused() {
        assertThatThrownBy(() -> composer.compose(new Mail("not an address", "s", "t", "h"), "<e3@x>", DATE))
                .isInstanceOf(AddressException.class);
        assertThatThrownBy(() -> composer.compose(new Mail("a@example.org, b@example.org", "s", "t", "h"), "<e3@x>", DATE))
                .isInstanceOf(AddressException.class);
    }

    @Test
    void anInvalidFromAddressStopsTheStart() {
        assertThatThrownBy(() -> new MailComposer("Pledgeworks <no-reply@>"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messageIdsAreMadeFromTheDeliveryIdAndStayValid() {
        assertThat(MessageIds.of("0b9d7f0e-3b0c-4c5e-9d7a-2a4d1b6c8e11:verification", "pledgeworks.local"))
                .isEqualTo("<0b9d7f0e-3b0c-4c5e-9d7a-2a4d1b6c8e11.verification@pledgeworks.local>");
        assertThat(MessageIds.of(":odd id<>@x:", "p.example")).isEqualTo("<odd.id.x@p.example>");
    }

    private MimeMessage roundTrip(Mail mail, String messageId) throws Exception {
        MimeMessage message = composer.compose(mail, messageId, DATE);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        message.writeTo(wire);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(wire.toByteArray()));
    }
}
