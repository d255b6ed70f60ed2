package org.pledgeworks.gateway.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The frame every rendered page shares with the static pages in {@code static/}: the same head links, the
 * skip link, the site header and footer. No inline script or style: the Content-Security-Policy forbids both.
 * The header and footer are not written here but taken, once, from the home page {@code static/index.html},
 * so the site's frame is written in one place and a rendered page cannot drift from the static ones.
 */
final class PageLayout {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    private static final Frame FRAME = Frame.of(resource("static/index.html"));

    private PageLayout() {
    }

    /**
     * @param lang   the page's language tag; anything that is not one becomes {@code en}
     * @param title  the text of {@code <title>}, unescaped
     * @param head   further head elements, already escaped
     * @param main   the content of {@code <main>}, already escaped
     * @param script whether the campaign page's scripts are loaded
     */
    static String page(String lang, String title, String head, String main, boolean script) {
        return page(lang, title, head, main, script ? List.of("/js/charts.js", "/js/card-grid.js", "/js/form-errors.js",
                "/js/sign-form.js", "/js/campaign.js")
                : List.of());
    }

    /** @param scripts the paths of the page's scripts, loaded deferred in this order */
    static String page(String lang, String title, String head, String main, List<String> scripts) {
        String language = lang != null && LANGUAGE_TAG.matcher(lang).matches() ? lang : "en";
        StringBuilder tags = new StringBuilder();
        scripts.forEach(src -> tags.append("  <script src=\"").append(Html.text(src)).append("\" defer></script>\n"));
        return """
                <!doctype html>
                <html lang="%s">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s</title>
                %s  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
                  <link rel="stylesheet" href="/css/app.css">
                %s</head>
                %s%s
                    <p class="small-links"><a href="/my-data.html">See or erase your data</a></p>
                %s""".formatted(Html.text(language), Html.text(title), head, tags, FRAME.header(), main,
                FRAME.footer());
    }

    /**
     * What a link preview reads: the description, the canonical link and the Open Graph tags every page to
     * share carries; a page adds its image and Twitter card after them.
     */
    static StringBuilder preview(String type, String title, String description, String url) {
        StringBuilder head = new StringBuilder();
        meta(head, "name", "description", description);
        head.append("  <link rel=\"canonical\" href=\"").append(Html.text(url)).append("\">\n");
        meta(head, "property", "og:type", type);
        meta(head, "property", "og:site_name", "Pledgeworks");
        meta(head, "property", "og:title", title);
        meta(head, "property", "og:description", description);
        meta(head, "property", "og:url", url);
        return head;
    }

    /** One {@code <meta>} of the head, e.g. {@code property="og:title"}; the content is escaped here. */
    static void meta(StringBuilder head, String key, String name, String content) {
        head.append("  <meta ").append(key).append("=\"").append(name).append("\" content=\"")
                .append(Html.text(content)).append("\">\n");
    }

    /**
     * A static page's frame around its content.
     *
     * @param header from {@code <body>} to the opening {@code <main>} tag's line, inclusive
     * @param footer from the closing {@code </main>} tag's line to the end of the page
     */
    record Frame(String header, String footer) {

        private static final String MAIN_OPEN = "<main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n";
        private static final String MAIN_CLOSE = "  </main>\n";

        static Frame of(String page) {
            int body = page.indexOf("<body>\n");
            int open = page.indexOf(MAIN_OPEN);
            int close = page.lastIndexOf(MAIN_CLOSE);
            if (body < 0 || open < body || close < open) {
                throw new IllegalStateException("a static page without <body> and " + MAIN_OPEN.strip());
            }
            return new Frame(page.substring(body, open + MAIN_OPEN.length()), page.substring(close));
        }
    }

    static String resource(String path) {
        try (InputStream in = PageLayout.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no " + path + " in the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
