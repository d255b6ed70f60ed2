package org.pledgeworks.notification.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import static org.awaitility.Awaitility.await;

/**
 * A GreenMail SMTP server on 127.0.0.1. Its port is picked once and kept, so that a test can take
 * the server away ({@link #stop()}) and bring it back ({@link #restart()}) under the service's feet,
 * as a mail provider's outage would, without a second Spring context. A restart forgets the mail
 * received before it; tests tell their mail apart by recipient anyway.
 */
public final class MailCatcher {

    private final ServerSetup setup;
    private GreenMail server;

    private MailCatcher(ServerSetup setup, GreenMail server) {
        this.setup = setup;
        this.server = server;
    }

    static MailCatcher start() {
        GreenMail first = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        first.start();
        ServerSetup fixed = new ServerSetup(first.getSmtp().getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        return new MailCatcher(fixed, first);
    }

    public int port() {
        return setup.getPort();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public synchronized void restart() {
        stop();
        server = new GreenMail(setup);
        server.start();
    }

    /** Every mail received so far with this address among its recipients (compared ignoring case). */
    public synchronized List<MimeMessage> messagesTo(String address) {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).filter(m -> isFor(m, address)).toList();
    }

    /** Waits until at least {@code count} mails to this address have arrived, and returns them all. */
    public List<MimeMessage> awaitMessagesTo(String address, int count, Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> messagesTo(address), messages -> messages.size() >= count);
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(r -> r instanceof InternetAddress a && a.getAddress().equalsIgnoreCase(address));
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
