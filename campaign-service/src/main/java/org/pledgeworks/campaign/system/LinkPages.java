package org.pledgeworks.campaign.system;

import org.pledgeworks.kit.links.LinkPage;

import org.springframework.http.ResponseEntity;

/**
 * The pages behind the links this service mails (interest, RSVPs), on the kit's {@link LinkPage}. Mail
 * filters open every link in a mail, so a GET only shows a page with a button; the button POSTs to the
 * page's own address, so the token is never written into the page. Nothing typed by anyone goes into them.
 */
public final class LinkPages {

    private LinkPages() {
    }

    /** @param button the label of the button that POSTs to the page's own address, or null for none */
    public static ResponseEntity<String> page(int status, String kind, String title, String detail, String button) {
        String body = button == null ? "<p><a href=\"/\">See all campaigns</a></p>" : """
                <form method="post">
                <button type="submit">%s</button>
                </form>""".formatted(button);
        return LinkPage.of(status, kind, title, detail, body);
    }
}
