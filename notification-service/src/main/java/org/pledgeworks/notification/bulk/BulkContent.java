package org.pledgeworks.notification.bulk;

import java.util.Optional;

import org.pledgeworks.notification.delivery.Addressee;
import org.pledgeworks.notification.delivery.ContentRenderer;
import org.pledgeworks.notification.mail.Mail;

import org.springframework.stereotype.Component;

/** Renders a queued bulk delivery again from its message, as the listener first did. */
@Component
class BulkContent implements ContentRenderer {

    private final RecentMessages messages;
    private final BulkMail mail;

    BulkContent(RecentMessages messages, BulkMail mail) {
        this.messages = messages;
        this.mail = mail;
    }

    @Override
    public Optional<Mail> render(String messageRef, String recipientId, Addressee addressee) {
        return messages.find(messageRef).map(message -> mail.render(message, recipientId, addressee.email(),
                addressee.name(), addressee.locale()));
    }
}
