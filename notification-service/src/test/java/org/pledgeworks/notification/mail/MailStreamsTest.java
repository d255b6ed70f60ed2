package org.pledgeworks.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.TestClock;

class MailStreamsTest {

    @AfterEach
    void forget() {
        System.clearProperty(MailStreams.PROPERTY);
    }

    /** If Angus renamed its provider, naming the old class would break every mail: this catches it. */
    @Test
    void theNamedProviderIsAngusAndMailIsStillComposedAndWritten() throws Exception {
        System.clearProperty(MailStreams.PROPERTY);

        MailStreams.nameTheProvider();

        assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo(MailStreams.ANGUS);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailStreams.ANGUS);
        MimeMessage message = new MailComposer("Pledgeworks <no-reply@pledgeworks.local>").compose(
                new Mail("ada@example.org", "Grüße", "Bitte bestätigen", "<p>Bitte bestätigen</p>"), "<m1@test>",
                TestClock.now());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).contains("Message-ID: <m1@test>")
                .contains("Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=");
    }

    @Test
    void aProviderTheOperatorNamedIsLeftAlone() {
        System.setProperty(MailStreams.PROPERTY, "com.example.TheirProvider");

        MailStreams.nameTheProvider();

        assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo("com.example.TheirProvider");
    }
}
