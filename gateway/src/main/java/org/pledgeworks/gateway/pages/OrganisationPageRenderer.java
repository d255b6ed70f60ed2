package org.pledgeworks.gateway.pages;

import java.util.List;
import java.util.regex.Pattern;

import org.pledgeworks.gateway.pages.OrganisationProfile.ListedCampaign;

import org.springframework.stereotype.Component;

/**
 * An organisation's page, {@code /organisations/{id}}: the head a link preview reads (title, description,
 * Open Graph, canonical link), its name, logo, kind and description (plain text), its website, social links
 * and contact address, and the campaigns it runs and those it is a partner of, each linked to its page.
 * No script: there is nothing on it to enhance. Every value from campaign-service is escaped by {@link Html};
 * an address that is not https is shown nowhere.
 */
@Component
class OrganisationPageRenderer {

    /** Enough of an address to write as a mailto link; campaign-service checks it properly. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"'@:/?#]+@[A-Za-z0-9.-]+");

    private final PagesProperties properties;

    OrganisationPageRenderer(PagesProperties properties) {
        this.properties = properties;
    }

    String render(OrganisationProfile o) {
        String url = properties.absolute(OrganisationLinks.path(o.id()));
        String name = o.displayName();
        String main = """
                    <p><a href="/" class="back-link">All campaigns</a> · <a href="/organisations" class="back-link">All organisations</a></p>

                    <article id="organisation" class="organisation">
                      <div class="org-header">
                        %s
                        <div>
                          <h1 id="organisation-name">%s</h1>
                %s        </div>
                      </div>
                %s%s%s%s
                    </article>
                """.formatted(OrganisationLinks.logo(o.logoUrl(), "org-page-logo", 96), Html.text(name),
                kind(o), description(o), links(o),
                campaigns("runs", "Campaigns it runs", o.campaigns().stream().filter(ListedCampaign::owned).toList()),
                campaigns("partners", "Campaigns it supports as a partner",
                        o.campaigns().stream().filter(c -> !c.owned()).toList()));
        return PageLayout.page("en", name + " — Pledgeworks", head(o, name, url), main, false);
    }

    private static String head(OrganisationProfile o, String name, String url) {
        String description = CampaignPageRenderer.description(o.description() != null && !o.description().isBlank()
                ? o.description() : name + " on Pledgeworks: the campaigns it runs and supports.");
        StringBuilder head = PageLayout.preview("profile", name, description, url);
        String logo = Html.httpsUrl(o.logoUrl());
        if (logo != null) {
            PageLayout.meta(head, "property", "og:image", logo);
        }
        // a logo is small and square: the small card, whether there is one or not
        PageLayout.meta(head, "name", "twitter:card", "summary");
        return head.toString();
    }

    private static String kind(OrganisationProfile o) {
        String kind = OrganisationLinks.kind(o.kind());
        return kind == null ? "" : "          <p id=\"organisation-kind\" class=\"org-kind\">" + Html.text(kind) + "</p>\n";
    }

    private static String description(OrganisationProfile o) {
        return o.description() == null || o.description().isBlank() ? ""
                : "      <p id=\"organisation-description\" class=\"lead\">" + Html.text(o.description()) + "</p>\n";
    }

    /** A mailto link to the address, or nothing when it does not look like one. */
    static String mailto(String address) {
        if (address == null || !EMAIL.matcher(address.strip()).matches()) {
            return "";
        }
        String email = Html.text(address.strip());
        return "<a href=\"mailto:" + email + "\">" + email + "</a>";
    }

    private static String links(OrganisationProfile o) {
        StringBuilder items = new StringBuilder();
        String website = OrganisationLinks.external(o.website(), "org-website");
        if (!website.isEmpty()) {
            items.append("          <li>Website: ").append(website).append("</li>\n");
        }
        for (String link : o.socialLinks()) {
            String social = OrganisationLinks.external(link, "org-social");
            if (!social.isEmpty()) {
                items.append("          <li>").append(social).append("</li>\n");
            }
        }
        String email = mailto(o.contactEmail());
        if (!email.isEmpty()) {
            items.append("          <li>Contact: ").append(email).append("</li>\n");
        }
        return items.isEmpty() ? "" : """
                      <section id="organisation-links" aria-labelledby="links-heading">
                        <h2 id="links-heading">Contact and links</h2>
                        <ul class="org-links">
                %s        </ul>
                      </section>
                """.formatted(items);
    }

    private static String campaigns(String id, String heading, List<ListedCampaign> campaigns) {
        if (campaigns.isEmpty()) {
            return "";
        }
        StringBuilder items = new StringBuilder();
        for (ListedCampaign c : campaigns) {
            items.append("          <li><a href=\"").append(Html.text("/campaigns/" + ShareLinks.encode(c.slug())))
                    .append("\">").append(Html.text(c.title() == null ? c.slug() : c.title())).append("</a>");
            if (c.status() != null && !"open".equalsIgnoreCase(c.status())) {
                items.append(" <span class=\"hint\">(").append(Html.text(c.status())).append(")</span>");
            }
            if (c.summary() != null && !c.summary().isBlank()) {
                items.append("<p class=\"hint\">").append(Html.text(c.summary())).append("</p>");
            }
            items.append("</li>\n");
        }
        return """
                      <section id="campaigns-%1$s" aria-labelledby="campaigns-%1$s-heading">
                        <h2 id="campaigns-%1$s-heading">%2$s</h2>
                        <ul class="org-campaigns">
                %3$s        </ul>
                      </section>
                """.formatted(id, Html.text(heading), items);
    }
}
