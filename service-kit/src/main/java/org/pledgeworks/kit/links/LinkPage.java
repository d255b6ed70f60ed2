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

    private LinkPage() {
    }

    /**
     * @param kind  CSS classes of the page besides {@code page} (empty for none)
     * @param body  what follows the detail: a form, a link home, or nothing
     */
    public static ResponseEntity<String> of(int status, String kind, String title, String detail, String body) {
        String html = """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
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
                """.formatted(title, kind.isEmpty() ? "page" : "page " + kind, title, detail, body);
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer").contentType(MediaType.TEXT_HTML).body(html);
    }
}
