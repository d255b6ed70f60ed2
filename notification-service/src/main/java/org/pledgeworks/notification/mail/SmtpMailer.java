package org.pledgeworks.notification.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.pledgeworks.notification.system.NotificationServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Hands mail to the SMTP server ({@code spring.mail.*}: SMTP_HOST, SMTP_PORT, optional SMTP_USERNAME /
 * SMTP_PASSWORD, connection and read timeouts), several mails over one connection: a connection's
 * greeting, EHLO and QUIT cost about as much as a mail. Each mail still gets its own outcome, known
 * exactly: accepted (250 after DATA), refused with a code, or not tried because the connection could
 * not be opened. Thread-safe: every call opens its own connection.
 */
@Component
public class SmtpMailer {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

    private final JavaMailSenderImpl server;
    private final MailComposer composer;
    private final Clock clock;
    private final DkimSigner dkim;

    SmtpMailer(JavaMailSenderImpl server, NotificationServiceProperties properties, Clock clock) {
        this.server = server;
        this.composer = new MailComposer(properties.mail().from());
        this.clock = clock;
        this.dkim = dkimSigner(properties.mail().dkim());
    }

    private static DkimSigner dkimSigner(NotificationServiceProperties.Dkim settings) {
        if (settings == null || !settings.enabled()) {
            return null;
        }
        try (var in = new DefaultResourceLoader().getResource(settings.privateKeyLocation()).getInputStream()) {
            log.info("SMTP mail is DKIM-signed for d={} s={}", settings.domain(), settings.selector());
            return new DkimSigner(settings.domain(), settings.selector(),
                    DkimSigner.readPkcs8Pem(new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
        }
        catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the DKIM private key at " + settings.privateKeyLocation(), e);
        }
    }

    /**
     * Sends the mails in order over one connection, opening another when the server closed it (after a
     * refused mail, say). Returns once each was accepted or refused.
     *
     * @return per mail, in the order given: empty when the server accepted it, else why not;
     *         {@link MailFailure#permanent()} says whether to try again
     */
    public List<Optional<MailFailure>> sendAll(List<OutgoingMail> mails) {
        List<Optional<MailFailure>> outcomes = new ArrayList<>(mails.size());
        Transport transport = null;
        boolean lastFailed = false;
        try {
            for (OutgoingMail mail : mails) {
                MimeMessage message;
                try {
                    message = compose(mail);
                }
                catch (MailFailure failure) {
                    outcomes.add(Optional.of(failure));
                    continue;
                }
                // isConnected() asks the server (NOOP): only worth a round trip after a failure
                if (transport == null || lastFailed && !transport.isConnected()) {
                    close(transport);
                    transport = null;
                    try {
                        transport = connect();
                    }
                    catch (MessagingException e) {
                        // nothing more can go now: this mail and the rest wait for the next attempt
                        MailFailure failure = SmtpFailures.connectFailure(e);
                        while (outcomes.size() < mails.size()) {
                            outcomes.add(Optional.of(failure));
                        }
                        break;
                    }
                }
                Optional<MailFailure> outcome = send(transport, message);
                lastFailed = outcome.isPresent();
                outcomes.add(outcome);
            }
        }
        finally {
            close(transport);
        }
        return outcomes;
    }

    private MimeMessage compose(OutgoingMail mail) throws MailFailure {
        try {
            MimeMessage message = composer.compose(mail.mail(), mail.messageId(), clock.instant());
            return dkim == null ? message : dkim.sign(message, clock.instant());
        }
        catch (AddressException e) {
            throw MailFailure.permanentFailure("invalid recipient address");
        }
        catch (MessagingException e) {
            throw MailFailure.permanentFailure("message could not be composed: " + e.getClass().getSimpleName());
        }
    }

    private Transport connect() throws MessagingException {
        String protocol = server.getProtocol() == null ? "smtp" : server.getProtocol();
        Transport transport = server.getSession().getTransport(protocol);
        transport.connect(server.getHost(), server.getPort(), blankToNull(server.getUsername()),
                blankToNull(server.getPassword()));
        return transport;
    }

    private static Optional<MailFailure> send(Transport transport, MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            transport.sendMessage(message, recipients == null ? new Address[0] : recipients);
            return Optional.empty();
        }
        catch (MessagingException e) {
            return Optional.of(SmtpFailures.classify(e));
        }
    }

    /** A failed QUIT comes after the server's 250 for each mail it took: those mails are sent. */
    private static void close(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        }
        catch (MessagingException e) {
            log.warn("Closing the SMTP connection failed after the mails were handed over: {}",
                    e.getClass().getSimpleName());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
