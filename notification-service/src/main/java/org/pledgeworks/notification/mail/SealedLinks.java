package org.pledgeworks.notification.mail;

import java.util.Collection;
import java.util.Optional;

import org.pledgeworks.kit.links.SealedText;
import org.pledgeworks.notification.system.NotificationServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Opens the links that other services seal into events (service-kit's {@link SealedText} under
 * PLEDGEWORKS_TOKEN_SECRET), only to write them into a mail. A mail that carries one is rendered and stored
 * with the sealed value where the link goes; the sender opens it in memory just before handing the mail to
 * the transport ({@link #openIn}), so the database never holds a link that grants an account, not even
 * while a delivery waits out a mail server's outage.
 */
@Component
public class SealedLinks {

    private static final Logger log = LoggerFactory.getLogger(SealedLinks.class);

    /** Null without a secret: nothing opens, so every sealed link is refused as unopenable. */
    private final SealedText sealedText;

    SealedLinks(NotificationServiceProperties properties) {
        String secret = properties.tokens().secret();
        if (secret == null || secret.isBlank()) {
            // not fatal: the rest of the service works without it, as it did before sealed links existed
            log.warn("No PLEDGEWORKS_TOKEN_SECRET: sealed links (staff invitations, password resets) cannot be "
                    + "opened; their events are dead-lettered");
            this.sealedText = null;
        }
        else {
            this.sealedText = new SealedText(secret);
        }
    }

    /** The link, or empty when it was sealed under another secret or changed on the way. */
    public Optional<String> open(String sealed) {
        return sealedText == null ? Optional.empty() : sealedText.open(sealed);
    }

    /**
     * The mail with each of {@code sealed} replaced by its link: as it is in the text and subject, escaped in
     * the HTML (where the sealed value, base64url, needed no escaping when the template was filled).
     *
     * @return empty when one of them does not open (any more: the secret changed since it was stored)
     */
    public Optional<Mail> openIn(Mail mail, Collection<String> sealed) {
        String subject = mail.subject();
        String text = mail.text();
        String html = mail.html();
        for (String value : sealed) {
            Optional<String> link = open(value);
            if (link.isEmpty()) {
                return Optional.empty();
            }
            subject = subject.replace(value, link.get());
            text = text.replace(value, link.get());
            html = html.replace(value, Html.escape(link.get()));
        }
        return Optional.of(new Mail(mail.to(), subject, text, html, mail.headers()));
    }
}
