package org.pledgeworks.gateway.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Plain share links for a campaign: each one an ordinary link to the service's own share address, so no
 * third party's script or tracker ever runs on our pages; "copy link" is a field with the address (the
 * script adds a button that copies it).
 */
record ShareLinks(String url, String title) {

    /** Percent-encoding for a URL's query or path; spaces as %20, which every one of these services reads. */
    static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** @param id the list's id, so the page can hold it twice (on the page and after signing) */
    String list(String id) {
        String u = encode(url);
        String t = encode(title);
        return """
                          <ul id="%s" class="share-links">
                            <li><a href="%s">Email</a></li>
                            <li><a href="%s" rel="noopener">WhatsApp</a></li>
                            <li><a href="%s" rel="noopener">Telegram</a></li>
                            <li><a href="%s" rel="noopener">X</a></li>
                            <li><a href="%s" rel="noopener">Facebook</a></li>
                            <li><a href="%s" rel="noopener">LinkedIn</a></li>
                          </ul>
                """.formatted(Html.text(id),
                Html.text("mailto:?subject=" + t + "&body=" + t + "%0A" + u),
                Html.text("https://wa.me/?text=" + t + "%20" + u),
                Html.text("https://t.me/share/url?url=" + u + "&text=" + t),
                Html.text("https://x.com/intent/post?text=" + t + "&url=" + u),
                Html.text("https://www.facebook.com/sharer/sharer.php?u=" + u),
                Html.text("https://www.linkedin.com/sharing/share-offsite/?url=" + u));
    }

    String section() {
        return """
                      <section id="share" class="card share" aria-labelledby="share-heading">
                        <h2 id="share-heading">Share this campaign</h2>
                %s
                        <div class="field">
                          <label for="share-url">Link to this campaign</label>
                          <input id="share-url" type="url" readonly value="%s">
                          <button id="copy-link" type="button" class="button button-secondary" hidden>Copy link</button>
                          <p id="copy-link-done" class="hint" role="status"></p>
                        </div>
                      </section>
                """.formatted(list("share-links"), Html.text(url));
    }
}
