package org.pledgeworks.gateway.pages;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pledgeworks.gateway.pages.CampaignPageData.Campaign;
import org.pledgeworks.gateway.pages.CampaignPageData.Count;
import org.pledgeworks.gateway.pages.CampaignPageData.Update;

import org.springframework.stereotype.Component;

/**
 * The campaign page as HTML: the head a link preview reads (title, description, Open Graph, Twitter card,
 * canonical link) and a body that is whole without script: pledge, count, description, dates, the sign form
 * (or, for a closed campaign, its final count and no form), the progress card, share links, who runs it
 * (owner and partners), upcoming events and volunteer opportunities ({@link EngagementSections}), signatures
 * by country and updates. All but the count come after the form, so that a hundred partners' links or a
 * card's thirty cells do not stand between a keyboard and the form.
 * Every value from a service is escaped or cleaned by {@link Html}.
 */
@Component
class CampaignPageRenderer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final int DESCRIPTION_MAX = 200;

    /**
     * The progress card's grid, after the sign and follow forms: a card has some thirty keyboard stops, which
     * must not stand between a keyboard and the form (issue 26).
     */
    private static final String PROGRESS_CARD = """
                      <!-- filled by js/card-grid.js from GET /api/campaigns/{slug}/card/grid; hidden without a card -->
                      <section id="progress-card" class="card scorecard" aria-labelledby="scorecard-heading" hidden>
                        <h2 id="scorecard-heading">Progress card</h2>
                        <p class="hint">How each target is doing on each indicator, scored from 0 to 100 at each
                          assessment. Open a cell to read its evidence.</p>
                        <div class="card-controls">
                          <div class="field">
                            <label for="card-cycle">Assessment</label>
                            <select id="card-cycle"></select>
                          </div>
                          <div class="field">
                            <label for="card-sort">Order targets by</label>
                            <select id="card-sort">
                              <option value="name">Name, A to Z</option>
                              <option value="score-high">Overall score, highest first</option>
                              <option value="score-low">Overall score, lowest first</option>
                            </select>
                          </div>
                          <div class="field">
                            <label for="card-filter">Find a target</label>
                            <input id="card-filter" type="search" autocomplete="off">
                          </div>
                        </div>
                        <p id="card-shown" class="hint" aria-live="polite"></p>
                        <ul id="card-legend" class="band-legend" aria-label="What the colours mean"></ul>
                        <div id="card-grid-scroll" class="grid-scroll" role="region" aria-labelledby="card-grid-caption"
                          tabindex="0">
                          <table id="card-grid" class="card-grid">
                            <caption id="card-grid-caption">Progress card</caption>
                            <thead></thead>
                            <tbody></tbody>
                          </table>
                        </div>
                        <section id="card-history" class="card-history" aria-labelledby="card-history-heading" hidden>
                          <h3 id="card-history-heading">A target over time</h3>
                          <div class="field">
                            <label for="card-history-target">Show the history of</label>
                            <select id="card-history-target"></select>
                          </div>
                          <div id="card-history-chart"></div>
                          <table id="card-history-table" class="history-table">
                            <caption id="card-history-caption">Overall score by assessment</caption>
                            <thead><tr><th scope="col">Assessment</th><th scope="col">Overall score (0 to 100)</th></tr></thead>
                            <tbody></tbody>
                          </table>
                        </section>
                      </section>
                """;

    private final PagesProperties properties;

    CampaignPageRenderer(PagesProperties properties) {
        this.properties = properties;
    }

    /** The canonical address of a campaign's page. */
    String url(String slug) {
        return properties.absolute("/campaigns/" + ShareLinks.encode(slug));
    }

    String render(CampaignPageData data) {
        return render(data, LinkTags.NONE);
    }

    /** @param tags the tags of the link the page was opened with, for the sign form to pass on */
    String render(CampaignPageData data, LinkTags tags) {
        Campaign c = data.campaign();
        String url = url(c.slug());
        ShareLinks share = new ShareLinks(url, c.title());
        String main = """
                    <p><a href="/" class="back-link">All campaigns</a></p>
                    <div id="page-status" class="status" role="status" hidden></div>

                    <article id="campaign" data-slug="%s" data-goal="%d" data-status="%s">
                      <h1 id="campaign-title">%s</h1>
                      <p id="campaign-summary" class="lead">%s</p>
                %s%s%s
                      <section class="pledge" aria-labelledby="pledge-heading">
                        <h2 id="pledge-heading">The pledge</h2>
                        <blockquote id="pledge-text" class="pledge-text">%s</blockquote>
                      </section>
                %s%s%s%s%s%s%s%s%s
                    </article>
                """.formatted(Html.text(c.slug()), c.goal(), Html.text(c.open() ? "open" : c.status()),
                Html.text(c.title()), Html.text(c.summary()), image(c), dates(c), count(c, data.count()),
                Html.text(c.pledgeText()), description(c),
                c.open() ? SignForm.sign(c.slug(), share, tags) : closed(), c.open() ? SignForm.follow() : "",
                PROGRESS_CARD, share.section() + OrganisationLinks.section(c, data.organisations())
                        + OrganisationLinks.endorsers(data.endorsers()),
                EngagementSections.events(c.slug(), data.events(), data.organisations()),
                EngagementSections.opportunities(data.opportunities(), data.organisations()),
                byCountry(data.count()), updates(data));
        return PageLayout.page(c.locale(), c.title() + " — Pledgeworks", head(c, url), main, true);
    }

    private String head(Campaign c, String url) {
        String description = description(c.summary() != null && !c.summary().isBlank() ? c.summary() : c.pledgeText());
        StringBuilder head = PageLayout.preview("website", c.title(), description, url);
        String image = httpsImage(c);
        if (image != null) {
            meta(head, "property", "og:image", image);
        }
        meta(head, "name", "twitter:card", image != null ? "summary_large_image" : "summary");
        return head.toString();
    }

    private static void meta(StringBuilder head, String key, String name, String content) {
        PageLayout.meta(head, key, name, content);
    }

    /** One line for previews: whole words, at most {@value #DESCRIPTION_MAX} characters. */
    static String description(String text) {
        String plain = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (plain.length() <= DESCRIPTION_MAX) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', DESCRIPTION_MAX - 1);
        return plain.substring(0, cut > DESCRIPTION_MAX / 2 ? cut : DESCRIPTION_MAX - 1) + "…";
    }

    /** The image, if it is an https address (campaign-service accepts no other; checked again here). */
    static String httpsImage(Campaign c) {
        return Html.httpsUrl(c.imageUrl());
    }

    private static String image(Campaign c) {
        String image = httpsImage(c);
        return image == null ? "" : "      <img class=\"campaign-image\" src=\"" + Html.text(image) + "\" alt=\"\">\n";
    }

    private static String dates(Campaign c) {
        if (c.startsAt() == null && c.endsAt() == null) {
            return "";
        }
        StringBuilder p = new StringBuilder("      <p class=\"campaign-dates\">");
        if (c.startsAt() != null) {
            p.append("Started ").append(time(c.startsAt())).append(". ");
        }
        if (c.endsAt() != null) {
            p.append(c.open() ? "Ends " : "Ended ").append(time(c.endsAt())).append('.');
        }
        return p.append("</p>\n").toString();
    }

    static String time(Instant instant) {
        return "<time datetime=\"" + instant + "\">" + DAY.format(instant) + "</time>";
    }

    static String count(Campaign c, Count count) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        String total = count == null ? "–" : numbers.format(count.total());
        String label = count != null && count.total() == 1 ? "confirmed signature" : "confirmed signatures";
        String goal = "";
        if (c.goal() > 0) {
            long shown = count == null ? 0 : Math.min(count.total(), c.goal());
            long percent = count == null ? 0 : shown * 100 / c.goal();
            String reached = count != null && count.total() >= c.goal() ? " The goal is reached." : "";
            goal = """
                            <div id="goal">
                              <progress id="count-bar" class="count-bar" max="%d" value="%d" aria-labelledby="goal-text"></progress>
                              <p id="goal-text" class="goal-text">%d%% of the goal of %s signatures</p>
                              <p id="goal-reached" class="hint">%s</p>
                            </div>
                    """.formatted(c.goal(), shown, percent, numbers.format(c.goal()), reached.strip());
        }
        return """
                      <section class="card progress-card" aria-labelledby="progress-heading">
                        <h2 id="progress-heading">%s</h2>
                        <!-- polite: a changing count is announced when the reader is idle, never interrupting -->
                        <p id="count-text" class="count-text" aria-live="polite" aria-atomic="true">
                          <span id="count-total" class="count-total">%s</span>
                          <span id="count-label">%s</span>
                        </p>
                %s%s        <p id="count-stale" class="hint" hidden>The live count is paused; we keep trying.</p>
                      </section>
                """.formatted(c.open() ? "Signatures so far" : "Final count", total, label, goal, milestones(c, count));
    }

    /**
     * Which of the campaign's milestones the count has reached, and the next one: the same verified count
     * campaign-service announces them by. Nothing when either is not known.
     */
    private static String milestones(Campaign c, Count count) {
        if (count == null || c.milestones().isEmpty()) {
            return "";
        }
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        List<String> reached = c.milestones().stream().filter(m -> m <= count.total()).map(numbers::format).toList();
        String next = c.milestones().stream().filter(m -> m > count.total()).findFirst().map(numbers::format)
                .orElse(null);
        StringBuilder text = new StringBuilder();
        if (!reached.isEmpty()) {
            text.append("Milestones reached: ").append(String.join(", ", reached)).append(". ");
        }
        if (next != null) {
            text.append("Next milestone: ").append(next).append(" signatures.");
        }
        return "        <p id=\"milestones\" class=\"hint\">" + Html.text(text.toString().strip()) + "</p>\n";
    }

    private static String description(Campaign c) {
        String html = Html.cleaned(c.descriptionHtml());
        return html.isEmpty() ? "" : """
                      <section class="description" aria-labelledby="description-heading">
                        <h2 id="description-heading">About this campaign</h2>
                        <div id="campaign-description">%s</div>
                      </section>
                """.formatted(html);
    }

    static String closed() {
        return """
                      <section class="card sign" aria-labelledby="sign-heading">
                        <h2 id="sign-heading">Sign the pledge</h2>
                        <p id="closed-message" class="notice">This campaign is not taking signatures any more.</p>
                      </section>
                """;
    }

    private static String byCountry(Count count) {
        if (count == null || count.byCountry().isEmpty()) {
            return "";
        }
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, Long> row : count.byCountry()) {
            rows.append("          <tr><th scope=\"row\">").append(Html.text(SignForm.countryName(row.getKey())))
                    .append("</th><td>").append(numbers.format(row.getValue())).append("</td></tr>\n");
        }
        return """
                      <section id="by-country" class="card" aria-labelledby="by-country-heading">
                        <h2 id="by-country-heading">Signatures by country</h2>
                        <table class="by-country">
                          <thead><tr><th scope="col">Country</th><th scope="col">Signatures</th></tr></thead>
                          <tbody>
                %s          </tbody>
                        </table>
                      </section>
                """.formatted(rows);
    }

    private static String updates(CampaignPageData data) {
        if (data.updates().isEmpty()) {
            return "";
        }
        StringBuilder items = new StringBuilder();
        for (Update u : data.updates()) {
            items.append("          <li class=\"update\" id=\"update-").append(Html.text(u.id())).append("\">\n")
                    .append("            <h3>").append(Html.text(u.title())).append("</h3>\n");
            if (u.publishedAt() != null) {
                items.append("            ").append(time(u.publishedAt())).append('\n');
            }
            String body = u.bodyHtml() != null ? Html.cleaned(u.bodyHtml()) : "<p>" + Html.text(u.bodyText()) + "</p>";
            items.append("            <div class=\"update-body\">").append(body)
                    .append("</div>\n          </li>\n");
        }
        return """
                      <section id="updates" class="updates" aria-labelledby="updates-heading">
                        <h2 id="updates-heading">Updates</h2>
                        <ol id="updates-list" class="updates-list">
                %s        </ol>
                      </section>
                """.formatted(items);
    }
}
