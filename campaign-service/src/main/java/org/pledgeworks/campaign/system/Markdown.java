package org.pledgeworks.campaign.system;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Staff write Markdown; browsers and mail get HTML. Raw HTML in the Markdown is escaped by the
 * renderer, and what comes out is passed through an allow-list as well (no scripts, no event
 * handlers, no {@code javascript:} links, no images: the server never makes readers fetch what
 * staff link), so that a compromised staff account cannot put script in front of consumers.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
    private static final Safelist ALLOWED = Safelist.basic()
            .addTags("h1", "h2", "h3", "h4", "h5", "h6", "hr")
            .addProtocols("a", "href", "https", "http", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private Markdown() {
    }

    /** Sanitised HTML for the Markdown; empty for null. */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String html = HTML.render(PARSER.parse(markdown));
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", ALLOWED, output).strip();
    }

    /** Plain text for the Markdown (mail's text part, feeds' summaries). */
    public static String toText(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return TEXT.render(PARSER.parse(markdown)).strip();
    }
}
