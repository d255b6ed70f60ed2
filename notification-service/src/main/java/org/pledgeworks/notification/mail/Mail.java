package org.pledgeworks.notification.mail;

import java.util.Map;

/**
 * One rendered mail to one recipient, ready to be composed and sent.
 *
 * @param to      the recipient's address, as they typed it
 * @param subject one line
 * @param text    the plain-text alternative
 * @param html    the HTML alternative, its variables already escaped
 * @param headers extra headers, e.g. {@code List-Unsubscribe} on bulk mail; empty on transactional mail
 */
public record Mail(String to, String subject, String text, String html, Map<String, String> headers) {

    public Mail {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public Mail(String to, String subject, String text, String html) {
        this(to, subject, text, html, Map.of());
    }

    public Mail withHeaders(Map<String, String> extra) {
        return new Mail(to, subject, text, html, extra);
    }
}
