package org.pledgeworks.gateway.pages;

import java.util.regex.Pattern;

/**
 * The frame every rendered page shares with the static pages in {@code static/}: the same head links, the
 * skip link, the site header and footer. No inline script or style: the Content-Security-Policy forbids both.
 */
final class PageLayout {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

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
        String language = lang != null && LANGUAGE_TAG.matcher(lang).matches() ? lang : "en";
        String scripts = script
                ? "  <script src=\"/js/charts.js\" defer></script>\n  <script src=\"/js/campaign.js\" defer></script>\n"
                : "";
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
                <body>
                  <a class="skip-link" href="#main">Skip to content</a>
                  <header class="site-header">
                    <div class="wrap">
                      <a class="brand" href="/">Pledgeworks</a>
                    </div>
                  </header>

                  <main id="main" class="wrap" tabindex="-1">
                %s
                    <p class="small-links"><a href="/my-data.html">See or erase your data</a></p>
                  </main>

                  <footer class="site-footer">
                    <div class="wrap">
                      <p>Pledgeworks — consumer pledges and campaign tracking.</p>
                    </div>
                  </footer>
                </body>
                </html>
                """.formatted(Html.text(language), Html.text(title), head, scripts, main);
    }
}
