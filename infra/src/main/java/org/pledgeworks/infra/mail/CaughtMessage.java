package org.pledgeworks.infra.mail;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One mail as the inbox shows it and {@code GET /api/messages} returns it.
 *
 * @param to      the envelope recipients (RCPT TO), so Bcc shows too
 * @param text    the first text/plain part, or null
 * @param html    the first text/html part, or null
 * @param links   http(s) links from the HTML part's hrefs and the text part, in order, once each
 * @param headers every header, decoded; a header that occurs more than once has its values joined with ", "
 */
public record CaughtMessage(String id, String from, List<String> to, String subject, Instant receivedAt,
        String text, String html, List<String> links, Map<String, String> headers) {

    public CaughtMessage {
        to = List.copyOf(to);
        links = List.copyOf(links);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
