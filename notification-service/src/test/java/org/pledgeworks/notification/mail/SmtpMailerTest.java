package org.pledgeworks.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.TestClock;
import org.pledgeworks.notification.mail.ScriptedSmtpServer.Accepted;
import org.pledgeworks.notification.system.NotificationServiceProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Several mails over one SMTP connection, each with an outcome of its own. */
class SmtpMailerTest {

    private ScriptedSmtpServer server;
    private SmtpMailer mailer;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedSmtpServer();
        mailer = mailerFor(server.port());
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void mailsGoInOrderOverOneConnectionEachWithItsOwnMessageId() {
        List<OutgoingMail> mails = List.of(mail("ada@example.org", 1), mail("bob@example.org", 2),
                mail("cy@example.org", 3));

        assertThat(mailer.sendAll(mails)).containsExactly(Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(server.accepted()).containsExactly(new Accepted(1, "ada@example.org", "<m1@test>"),
                new Accepted(1, "bob@example.org", "<m2@test>"), new Accepted(1, "cy@example.org", "<m3@test>"));
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void aRefusedRecipientFailsOnlyItsOwnMail() {
        List<Optional<MailFailure>> outcomes = mailer.sendAll(List.of(mail("ada@example.org", 1),
                mail("refused@example.org", 2), mail("later@example.org", 3), mail("bob@example.org", 4)));

        assertThat(outcomes.get(0)).isEmpty();
        assertThat(outcomes.get(1)).hasValueSatisfying(f -> {
            assertThat(f.permanent()).isTrue();
            assertThat(f.reason()).isEqualTo("recipient rejected: SMTP 550");
        });
        assertThat(outcomes.get(2)).hasValueSatisfying(f -> {
            assertThat(f.permanent()).isFalse();
            assertThat(f.reason()).isEqualTo("recipient rejected: SMTP 451");
        });
        assertThat(outcomes.get(3)).isEmpty();
        assertThat(server.accepted()).extracting(Accepted::recipient).containsExactly("ada@example.org",
                "bob@example.org");
        assertThat(server.connections()).as("a refusal leaves the connection usable").isEqualTo(1);
    }

    @Test
    void aConnectionLostBeforeTheServerAnsweredFailsThatMailTransientlyAndTheRestGoOnANewOne() {
        List<Optional<MailFailure>> outcomes = mailer.sendAll(List.of(mail("ada@example.org", 1),
                mail("vanish@example.org", 2), mail("bob@example.org", 3)));

        assertThat(outcomes.get(0)).isEmpty();
        assertThat(outcomes.get(1)).hasValueSatisfying(f -> assertThat(f.permanent()).isFalse());
        assertThat(outcomes.get(2)).isEmpty();
        assertThat(server.accepted()).containsExactly(new Accepted(1, "ada@example.org", "<m1@test>"),
                new Accepted(2, "bob@example.org", "<m3@test>"));
    }

    @Test
    void aServerThatHangsUpOnQuitHasStillTakenTheMails() {
        server.hangUpOnQuit();

        assertThat(mailer.sendAll(List.of(mail("ada@example.org", 1), mail("bob@example.org", 2))))
                .containsExactly(Optional.empty(), Optional.empty());
        assertThat(server.accepted()).hasSize(2);
    }

    @Test
    void anInvalidAddressFailsForGoodWithoutTouchingTheOthers() {
        List<Optional<MailFailure>> outcomes = mailer.sendAll(List.of(mail("not an address", 1),
                mail("ada@example.org", 2)));

        assertThat(outcomes.get(0)).hasValueSatisfying(f -> {
            assertThat(f.permanent()).isTrue();
            assertThat(f.reason()).isEqualTo("invalid recipient address");
        });
        assertThat(outcomes.get(1)).isEmpty();
        assertThat(server.accepted()).extracting(Accepted::recipient).containsExactly("ada@example.org");
    }

    @Test
    void whenNoConnectionCanBeOpenedEveryMailWaitsForTheNextAttempt() throws IOException {
        int port = server.port();
        server.close();
        SmtpMailer unreachable = mailerFor(port);

        List<Optional<MailFailure>> outcomes = unreachable.sendAll(List.of(mail("ada@example.org", 1),
                mail("bob@example.org", 2)));

        assertThat(outcomes).hasSize(2).allSatisfy(o -> assertThat(o).hasValueSatisfying(f -> {
            assertThat(f.permanent()).isFalse();
            assertThat(f.reason()).startsWith("SMTP server unreachable");
        }));
    }

    private static OutgoingMail mail(String to, int n) {
        return new OutgoingMail("d" + n, "<m" + n + "@test>", new Mail(to, "Subject " + n, "text", "<p>html</p>"));
    }

    private static SmtpMailer mailerFor(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "2000");
        properties.setProperty("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(properties);
        NotificationServiceProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("pledgeworks", NotificationServiceProperties.class);
        return new SmtpMailer(sender, defaults, TestClock.clock());
    }
}
