package org.pledgeworks.notification.delivery;

import java.util.Optional;

import org.pledgeworks.notification.mail.Mail;

/**
 * Renders again a bulk mail stored without its content, when the delivery is sent from the queue
 * (a retry) rather than straight from the listener that rendered it.
 */
public interface ContentRenderer {

    /** @return empty when the message is gone: the delivery then fails for want of content */
    Optional<Mail> render(String messageRef, String recipientId, Addressee addressee);
}
