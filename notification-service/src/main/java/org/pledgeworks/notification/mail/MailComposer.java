package org.pledgeworks.notification.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Builds the MIME message: multipart/alternative with the plain text first and HTML last (clients
 * show the last alternative they understand), UTF-8 throughout, and our own Message-ID, so that a
 * retried delivery carries the same one and receivers can tell it is the same mail.
 */
public final class MailComposer {

    // Only MIME settings are read from the message's session; the transport has its own.
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final InternetAddress from;

    /** @param from e.g. {@code Pledgeworks <no-reply@pledgeworks.local>}; rejected at start-up if invalid */
    public MailComposer(String from) {
        try {
            this.from = new InternetAddress(from, true);
        }
        catch (AddressException e) {
            throw new IllegalArgumentException("MAIL_FROM is not a valid address: " + e.getMessage(), e);
        }
    }

    /**
     * @param messageId with angle brackets, e.g. {@code <abc.verification@pledgeworks.local>}
     * @throws AddressException when the recipient's address is not a valid single address
     */
    public MimeMessage compose(Mail mail, String messageId, Instant date) throws MessagingException {
        InternetAddress to = new InternetAddress(mail.to(), true);
        MimeMessage message = new FixedIdMimeMessage(messageId);
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, to);
        message.setSubject(oneLine(mail.subject()), UTF_8);
        message.setSentDate(Date.from(date));
        for (var header : mail.headers().entrySet()) {
            message.setHeader(oneLine(header.getKey()), oneLine(header.getValue()));
        }

        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), UTF_8, "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** Header values are one line: a line break in a variable must not start a header of its own. */
    static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\t\\x00-\\x1F\\x7F]+", " ").strip();
    }

    /** Jakarta Mail invents a Message-ID whenever it saves a message; ours must survive that. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(String messageId) {
            super(SESSION);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
