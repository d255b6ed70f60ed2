package org.pledgeworks.gateway.pages;

import java.net.URI;
import java.net.URISyntaxException;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

import org.springframework.web.util.HtmlUtils;

/**
 * Everything a page writes that came from a service goes through here. Text and attribute values are
 * escaped (all five of {@code < > & " '}), so a campaign title with markup in it comes out as text.
 * Markup the services send as HTML (a description or an update, rendered from staff's Markdown and
 * sanitised by campaign-service) is cleaned again against the same allow-list: the gateway does not take
 * another service's word for what is safe to put in front of consumers.
 */
final class Html {

    private static final Safelist ALLOWED = Safelist.basic()
            .addTags("h1", "h2", "h3", "h4", "h5", "h6", "hr")
            .addProtocols("a", "href", "https", "http", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private Html() {
    }

    /** Text for an element's content or a quoted attribute value; empty for null. */
    static String text(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
    }

    /**
     * An address from a service, if it is an absolute https URL with a host and no user info; else null.
     * campaign-service accepts no other for images, logos and websites, and it is checked again here so
     * that a {@code javascript:} or {@code http:} address never becomes a link or an image on our pages.
     */
    static String httpsUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null
                    ? uri.toString() : null;
        }
        catch (URISyntaxException e) {
            return null;
        }
    }

    /** HTML from a service, cleaned to the allow-list; empty for null. */
    static String cleaned(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.clean(html, "", ALLOWED, OUTPUT).strip();
    }
}
