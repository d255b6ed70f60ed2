package org.pledgeworks.gateway.pages;

import java.util.List;

import org.pledgeworks.gateway.pages.CampaignPageData.Campaign;
import org.pledgeworks.gateway.pages.CampaignPageData.Count;

import org.springframework.stereotype.Component;

/**
 * {@code /embed/{slug}}: the counter and the sign form, sized for a partner's iframe, without the site's
 * header and footer. The same markup and scripts as the campaign page's, so the same checks and answers;
 * links open a new tab, since a frame is no place to read a whole campaign or a share dialogue.
 */
@Component
class EmbedPageRenderer {

    private static final List<String> SCRIPTS = List.of("/js/form-errors.js", "/js/sign-form.js", "/js/campaign.js");

    private final CampaignPageRenderer campaignPage;

    EmbedPageRenderer(CampaignPageRenderer campaignPage) {
        this.campaignPage = campaignPage;
    }

    String render(Campaign c, Count count, LinkTags tags) {
        String url = campaignPage.url(c.slug());
        String form = c.open()
                ? SignForm.sign(c.slug(), new ShareLinks(url, c.title()), tags).replace("<a href=", "<a target=\"_blank\" href=")
                : CampaignPageRenderer.closed();
        String language = c.locale() == null ? "en" : c.locale();
        StringBuilder head = new StringBuilder();
        // the campaign's own page is the one to index and share, not the frame
        head.append("  <meta name=\"robots\" content=\"noindex\">\n")
                .append("  <link rel=\"canonical\" href=\"").append(Html.text(url)).append("\">\n");
        StringBuilder scripts = new StringBuilder();
        SCRIPTS.forEach(src -> scripts.append("  <script src=\"").append(src).append("\" defer></script>\n"));
        return """
                <!doctype html>
                <html lang="%s">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s</title>
                %s  <link rel="stylesheet" href="/css/app.css">
                %s</head>
                <body class="embed">
                <main id="main" class="embed-main">
                  <article id="campaign" data-slug="%s" data-goal="%d" data-status="%s">
                    <h1 id="campaign-title"><a href="%s" target="_blank">%s</a></h1>
                    <blockquote id="pledge-text" class="pledge-text">%s</blockquote>
                %s%s
                    <p class="hint embed-credit"><a href="%s" target="_blank">About this campaign</a> · on Pledgeworks</p>
                  </article>
                </main>
                </body>
                </html>
                """.formatted(Html.text(language), Html.text(c.title() + " — sign the pledge"), head, scripts,
                Html.text(c.slug()), c.goal(), Html.text(c.open() ? "open" : c.status()), Html.text(url),
                Html.text(c.title()), Html.text(c.pledgeText()), CampaignPageRenderer.count(c, count), form,
                Html.text(url));
    }
}
