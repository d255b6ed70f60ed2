package org.pledgeworks.kit.links;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The plain page a mailed link opens (confirm, withdraw, see or erase one's data): one template for all
 * of them, so they look alike and all keep the token out of caches, referrers and search engines.
 * Title, detail and body are HTML as given: a caller escapes whatever is not its own constant.
 */
public final class LinkPage {

    /**
     * Up to the title, the same on every link page. {@code noindex}: the address carries a token, and a
     * search engine that was shown one must not keep it (the gateway's static pages have their own heads).
     */
    private static final String HEAD = String.join("\n",
            "<!doctype html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"robots\" content=\"noindex\">");

    private LinkPage() {
    }

    /**
     * @param kind  CSS classes of the page besides {@code page} (empty for none)
     * @param body  what follows the detail: a form, a link home, or nothing
     */
    public static ResponseEntity<String> of(int status, String kind, String title, String detail, String body) {
        String html = """
                %s
                <title>%s · Pledgeworks</title>
                <link rel="stylesheet" href="/css/app.css">
                </head>
                <body>
                <main class="%s">
                <h1>%s</h1>
                <p>%s</p>
                %s
                </main>
                </body>
                </html>
                """.formatted(HEAD, title, kind.isEmpty() ? "page" : "page " + kind, title, detail, body);
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer").contentType(MediaType.TEXT_HTML).body(html);
    }
}
