package org.pledgeworks.gateway.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Plain share links for a campaign: each one an ordinary link to the service's own share address, so no
 * third party's script or tracker ever runs on our pages; "copy link" is a field with the address (the
 * script adds a button that copies it). The address each link shares is tagged with its channel
 * ({@code utm_source=whatsapp&utm_medium=share}), so staff see which channel brought signatures; after
 * signing, the script adds the signer's referral code ({@code &ref=}) right after {@link #MEDIUM}.
 */
record ShareLinks(String url, String title) {

    /** Percent-encoding for a URL's query or path; spaces as %20, which every one of these services reads. */
    static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The end of every shared address, percent-encoded as it stands in a link: where a referral code goes. */
    static final String MEDIUM = "utm_medium=share";

    /** The campaign's address as shared through one channel. */
    private String tagged(String channel) {
        return encode(url + (url.contains("?") ? "&" : "?") + "utm_source=" + channel + "&" + MEDIUM);
    }

    /** @param id the list's id, so the page can hold it twice (on the page and after signing) */
    String list(String id) {
        String t = encode(title);
        return """
                          <ul id="%s" class="share-links" data-referral-after="%s">
                            <li><a href="%s">Email</a></li>
                            <li><a href="%s" rel="noopener">WhatsApp</a></li>
                            <li><a href="%s" rel="noopener">Telegram</a></li>
                            <li><a href="%s" rel="noopener">X</a></li>
                            <li><a href="%s" rel="noopener">Facebook</a></li>
                            <li><a href="%s" rel="noopener">LinkedIn</a></li>
                          </ul>
                """.formatted(Html.text(id), Html.text(encode(MEDIUM)),
                Html.text("mailto:?subject=" + t + "&body=" + t + "%0A" + tagged("email")),
                Html.text("https://wa.me/?text=" + t + "%20" + tagged("whatsapp")),
                Html.text("https://t.me/share/url?url=" + tagged("telegram") + "&text=" + t),
                Html.text("https://x.com/intent/post?text=" + t + "&url=" + tagged("x")),
                Html.text("https://www.facebook.com/sharer/sharer.php?u=" + tagged("facebook")),
                Html.text("https://www.linkedin.com/sharing/share-offsite/?url=" + tagged("linkedin")));
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
