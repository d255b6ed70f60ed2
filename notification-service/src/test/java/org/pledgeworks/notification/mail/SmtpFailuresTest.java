package org.pledgeworks.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

class SmtpFailuresTest {

    private static final InternetAddress RECIPIENT = address("ada@example.org");

    @Test
    void aRecipientRejectedWith5xxIsPermanent() {
        MailFailure failure = classify(recipientRejected(550));

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.reason()).isEqualTo("recipient rejected: SMTP 550").doesNotContain("ada@");
    }

    @Test
    void aRecipientDeferredWith4xxIsTransient() {
        MailFailure failure = classify(recipientRejected(451));

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.reason()).isEqualTo("recipient rejected: SMTP 451");
    }

    @Test
    void aMessageRejectedAfterDataFollowsItsCode() {
        assertThat(classify(new SMTPSendFailedException("DATA", 554, "554 spam", null, null, null, null)).permanent())
                .isTrue();
        assertThat(classify(new SMTPSendFailedException("DATA", 452, "452 full", null, null, null, null)).permanent())
                .isFalse();
    }

    @Test
    void aRejectedSenderIsOurConfigurationSoItIsTransient() {
        assertThat(classify(new SMTPSenderFailedException(address("no-reply@pledgeworks.local"), "MAIL", 553,
                "553 no")).permanent()).isFalse();
    }

    @Test
    void anUnreachableServerIsTransient() {
        MessagingException refused = new MailConnectException(
                new SocketConnectException("Connection refused", new ConnectException("Connection refused"),
                        "127.0.0.1", 2525, 5000));

        MailFailure failure = SmtpFailures.connectFailure(refused);

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.reason()).startsWith("SMTP server unreachable");
    }

    @Test
    void aTimeoutIsTransient() {
        MessagingException timeout = new MessagingException("Exception reading response",
                new SocketTimeoutException("Read timed out"));

        assertThat(classify(timeout).permanent()).isFalse();
    }

    @Test
    void failedAuthenticationIsTransient() {
        MailFailure failure = SmtpFailures.connectFailure(new AuthenticationFailedException("535"));

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.reason()).isEqualTo("SMTP authentication failed");
    }

    private static MailFailure classify(MessagingException perMessage) {
        return SmtpFailures.classify(perMessage);
    }

    /** What Angus Mail throws when RCPT TO is refused for the only recipient. */
    private static MessagingException recipientRejected(int code) {
        SMTPAddressFailedException rejected = new SMTPAddressFailedException(RECIPIENT, "RCPT TO:<ada@example.org>",
                code, code + " <ada@example.org>: Recipient address rejected");
        return new SMTPSendFailedException("RCPT TO", code, code + " rejected", rejected, new Address[0],
                new Address[0], new Address[] { RECIPIENT });
    }

    private static InternetAddress address(String value) {
        try {
            return new InternetAddress(value);
        }
        catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
