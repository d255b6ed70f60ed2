package org.pledgeworks.infra.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Takes every mail GreenMail receives into the {@link MessageStore}, once per SMTP transaction.
 * GreenMail delivers a message to one mailbox per recipient, which would list a mail to three
 * people three times and keep three copies; here all recipients map to this one mailbox, which
 * records a transaction the first time it sees it (GreenMail delivers them one after the other).
 */
final class CatchAllMailbox implements MessageDeliveryHandler {

    private final MessageStore store;
    private final User user = new User();
    private MovingMessage lastRecorded;

    CatchAllMailbox(MessageStore store) {
        this.store = store;
    }

    @Override
    public GreenMailUser handle(MovingMessage message, MailAddress recipient) {
        return user;
    }

    private synchronized void record(MovingMessage moving) {
        if (moving == lastRecorded) {
            return;
        }
        lastRecorded = moving;
        List<String> recipients = moving.getToAddresses().stream().map(MailAddress::getEmail).toList();
        record(recipients, moving.getMessage());
    }

    private void record(List<String> recipients, MimeMessage message) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            store.add(MessageParser.parse(store.nextId(), Instant.now(), recipients, message), raw.toByteArray());
        } catch (MessagingException | IOException e) {
            // the sender already has its 250 OK; all there is left to do is say so in the log
            System.err.println("mail catcher: could not read a received message: " + e);
        }
    }

    /** The one mailbox every recipient maps to; it has no password and no folders of its own. */
    private final class User implements GreenMailUser {

        @Override
        public String getEmail() {
            return "catch-all@localhost";
        }

        @Override
        public String getLogin() {
            return "catch-all";
        }

        @Override
        public void deliver(MovingMessage message) {
            record(message);
        }

        @Override
        public void deliver(MimeMessage message) {
            record(List.of(), message);
        }

        @Override
        public void create() {
        }

        @Override
        public void delete() {
        }

        @Override
        public String getPassword() {
            return "";
        }

        @Override
        public void setPassword(String password) {
        }

        @Override
        public void authenticate(String password) {
        }

        @Override
        public String getQualifiedMailboxName() {
            return getLogin();
        }
    }
}
