package org.pledgeworks.notification.mail;

import java.time.Clock;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.pledgeworks.notification.system.NotificationServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Hands one mail to the SMTP server ({@code spring.mail.*}: SMTP_HOST, SMTP_PORT, optional
 * SMTP_USERNAME / SMTP_PASSWORD, connection and read timeouts). Thread-safe: every send opens its own
 * connection.
 */
@Component
public class SmtpMailer {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

    private final JavaMailSender sender;
    private final MailComposer composer;
    private final Clock clock;
    private final DkimSigner dkim;

    SmtpMailer(JavaMailSender sender, NotificationServiceProperties properties, Clock clock) {
        this.sender = sender;
        this.composer = new MailComposer(properties.mail().from());
        this.clock = clock;
        this.dkim = dkimSigner(properties.mail().dkim());
    }

    private static DkimSigner dkimSigner(NotificationServiceProperties.Dkim settings) {
        if (settings == null || !settings.enabled()) {
            return null;
        }
        try (var in = new org.springframework.core.io.DefaultResourceLoader().getResource(settings.privateKeyLocation())
                .getInputStream()) {
            log.info("SMTP mail is DKIM-signed for d={} s={}", settings.domain(), settings.selector());
            return new DkimSigner(settings.domain(), settings.selector(),
                    DkimSigner.readPkcs8Pem(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)));
        }
        catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the DKIM private key at " + settings.privateKeyLocation(), e);
        }
    }

    /**
     * Returns once the server has accepted the mail.
     *
     * @param messageId the same for every attempt at one delivery
     * @throws MailFailure when it was not accepted; {@link MailFailure#permanent()} says whether to try again
     */
    public void send(Mail mail, String messageId) throws MailFailure {
        MimeMessage message;
        try {
            message = composer.compose(mail, messageId, clock.instant());
            if (dkim != null) {
                message = dkim.sign(message, clock.instant());
            }
        }
        catch (AddressException e) {
            throw MailFailure.permanentFailure("invalid recipient address");
        }
        catch (MessagingException e) {
            throw MailFailure.permanentFailure("message could not be composed: " + e.getClass().getSimpleName());
        }
        try {
            sender.send(message);
        }
        catch (MailException e) {
            Optional<MailFailure> failure = SmtpFailures.classify(e);
            if (failure.isPresent()) {
                throw failure.get();
            }
            log.warn("Mail {} accepted, but closing the SMTP connection failed: {}", messageId,
                    e.getCause().getClass().getSimpleName());
        }
    }
}
