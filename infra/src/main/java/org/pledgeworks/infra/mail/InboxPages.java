package org.pledgeworks.infra.mail;

import static org.pledgeworks.infra.mail.Html.escape;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The inbox's HTML: a list and a message page. No script anywhere; the list reloads itself with a
 * meta refresh so a mail that arrives while the page is open appears on its own.
 */
final class InboxPages {

    /** What the mail's HTML frame may do: open links (in a new tab, or the whole window on a click), nothing else. */
    static final String FRAME_SANDBOX = "allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private static final String STYLE = """
            body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d2433}
            h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #dde2ea;vertical-align:top}
            th{background:#f3f5f9}td.time{white-space:nowrap;color:#5a6478}
            a{color:#1f5fbf}.muted{color:#5a6478}.empty{padding:2rem;text-align:center;color:#5a6478}
            pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fb;padding:1rem;border:1px solid #dde2ea}
            iframe{width:100%;height:32rem;border:1px solid #dde2ea;background:#fff}
            form{display:inline}button{font:inherit;cursor:pointer}div.muted{margin-bottom:1rem}
            details{margin-top:1rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0;word-break:break-word}
            """;

    private InboxPages() {
    }

    static String list(List<CaughtMessage> messages, String smtpAddress) {
        StringBuilder rows = new StringBuilder();
        for (CaughtMessage message : messages) {
            rows.append("<tr><td class=\"time\">").append(escape(TIME.format(message.receivedAt())))
                    .append("</td><td>").append(escape(String.join(", ", message.to())))
                    .append("</td><td><a href=\"/messages/").append(escape(message.id())).append("\">")
                    .append(message.subject().isBlank() ? "(no subject)" : escape(message.subject()))
                    .append("</a></td></tr>\n");
        }
        String body = messages.isEmpty()
                ? "<p class=\"empty\">No mail yet. Anything sent to SMTP " + escape(smtpAddress)
                        + " shows up here, whoever it is addressed to.</p>"
                : "<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>\n" + rows
                        + "</tbody></table>";
        return page("Pledgeworks dev inbox", "<meta http-equiv=\"refresh\" content=\"5\">", """
                <h1>Pledgeworks dev inbox</h1>
                <div class="muted">SMTP %s · %d message%s · <a href="/api/messages">JSON</a> ·
                <form method="post" action="/clear"><button type="submit">Delete all</button></form></div>
                %s
                """.formatted(escape(smtpAddress), messages.size(), messages.size() == 1 ? "" : "s", body));
    }

    static String message(CaughtMessage message) {
        String id = escape(message.id());
        StringBuilder headers = new StringBuilder();
        for (Map.Entry<String, String> header : message.headers().entrySet()) {
            headers.append("<dt>").append(escape(header.getKey())).append("</dt><dd>").append(escape(header.getValue()))
                    .append("</dd>");
        }
        StringBuilder links = new StringBuilder();
        for (String link : message.links()) {
            links.append("<li><a href=\"").append(escape(link)).append("\" target=\"_blank\" rel=\"noopener noreferrer\">")
                    .append(escape(link)).append("</a></li>");
        }
        String subject = message.subject().isBlank() ? "(no subject)" : message.subject();
        return page(subject + " — Pledgeworks dev inbox", "", """
                <p><a href="/">← Inbox</a></p>
                <h1>%s</h1>
                <dl><dt>From</dt><dd>%s</dd><dt>To</dt><dd>%s</dd><dt>Received</dt><dd>%s</dd></dl>
                <details><summary>All headers</summary><dl>%s</dl></details>
                %s
                %s
                %s
                <p><a href="/messages/%s/raw">Raw message</a></p>
                """.formatted(
                escape(subject),
                escape(message.from()),
                escape(String.join(", ", message.to())),
                escape(TIME.format(message.receivedAt())),
                headers,
                links.isEmpty() ? "" : "<h2>Links</h2><ul>" + links + "</ul>",
                message.html() == null ? "" : "<h2>HTML</h2><iframe src=\"/messages/" + id + "/html\" sandbox=\""
                        + FRAME_SANDBOX + "\" title=\"HTML part of the message\"></iframe>",
                message.text() == null ? "" : "<h2>Text</h2><pre>" + escape(message.text()) + "</pre>",
                id));
    }

    /**
     * The mail's own HTML, served into the sandboxed frame. The base element sends a clicked link to
     * the whole window instead of the small frame; scripts are blocked by the frame's sandbox and
     * again by the response's CSP, for when this URL is opened on its own.
     */
    static String messageHtml(CaughtMessage message) {
        return "<base target=\"_top\">\n" + message.html();
    }

    static String notFound(String what) {
        return page("Not found — Pledgeworks dev inbox", "",
                "<p><a href=\"/\">← Inbox</a></p><h1>Not found</h1><p>" + escape(what) + "</p>");
    }

    private static String page(String title, String head, String body) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" + head
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head>\n<body>\n" + body
                + "</body></html>\n";
    }
}
