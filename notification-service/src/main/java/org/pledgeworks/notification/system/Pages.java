package org.pledgeworks.notification.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** Small self-contained HTML pages, everything variable escaped; never cached (they carry tokens). */
public final class Pages {

    private Pages() {
    }

    public static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><meta name=\"robots\" content=\"noindex\">"
                + "<title>" + escape(title) + "</title>"
                + "<style>body{font-family:Helvetica,Arial,sans-serif;max-width:560px;margin:40px auto;padding:0 16px;"
                + "color:#18181b}button{padding:12px 24px;background:#15803d;color:#fff;border:0;border-radius:6px;"
                + "font-size:16px;cursor:pointer}button.secondary{background:#52525b}form{margin:16px 0}"
                + "li{margin:8px 0}</style></head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex").body(html);
    }

    /** Text and double-quoted attribute values; in UTF-8 only {@code & < > " '} need it. */
    public static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
    }

    public static String postButton(String action, String label, String hiddenName, String hiddenValue, boolean secondary) {
        return "<form method=\"post\" action=\"" + escape(action) + "\">"
                + (hiddenName == null ? "" : "<input type=\"hidden\" name=\"" + escape(hiddenName) + "\" value=\""
                        + escape(hiddenValue) + "\">")
                + "<button type=\"submit\"" + (secondary ? " class=\"secondary\"" : "") + ">" + escape(label)
                + "</button></form>";
    }
}
