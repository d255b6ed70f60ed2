package org.pledgeworks.gateway.pages;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pledgeworks.gateway.pages.CampaignPageData.Campaign;

/**
 * Organisations as the pages show them: the campaign page's "Run by" and "Partners" lists, and the pieces
 * the organisation page shares with them (its address, its logo, a link to its website). Logos are https
 * addresses the organisation gave, hot-linked by the reader's browser (never fetched by the gateway), lazily
 * and without a referrer; each sits beside the organisation's name, which is the text, so it is decorative
 * ({@code alt=""}). Any other address (a {@code javascript:} website) is not linked at all.
 */
final class OrganisationLinks {

    private static final Map<String, String> KINDS = Map.of("ngo", "Non-governmental organisation",
            "company", "Company", "public-body", "Public body", "police", "Police", "academic", "Academic",
            "faith", "Faith organisation", "other", "Organisation");

    private OrganisationLinks() {
    }

    /** The organisation's page on this site. */
    static String path(String id) {
        return "/organisations/" + ShareLinks.encode(id);
    }

    /** The words for a kind on the wire ({@code public-body}); an unknown one as it came. */
    static String kind(String kind) {
        return kind == null ? null : KINDS.getOrDefault(kind.toLowerCase(Locale.ROOT), kind);
    }

    /** Every logo the campaign page shows, for the Content-Security-Policy. */
    static List<String> logos(Map<String, OrganisationProfile> organisations) {
        return organisations.values().stream().map(o -> Html.httpsUrl(o.logoUrl())).toList();
    }

    /** An {@code <img>} of the logo, or nothing when there is no https one. */
    static String logo(String logoUrl, String cssClass, int size) {
        String logo = Html.httpsUrl(logoUrl);
        return logo == null ? "" : "<img class=\"" + cssClass + "\" src=\"" + Html.text(logo) + "\" alt=\"\" width=\""
                + size + "\" height=\"" + size + "\" loading=\"lazy\" referrerpolicy=\"no-referrer\">";
    }

    /**
     * A link to an address elsewhere, shown by its host ({@code example.org/people} reads better in a list
     * than the whole URL), or nothing when it is not https. {@code nofollow}: the address is the
     * organisation's word, not ours.
     */
    static String external(String url, String cssClass) {
        String https = Html.httpsUrl(url);
        if (https == null) {
            return "";
        }
        URI uri = URI.create(https);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String shown = (host.startsWith("www.") ? host.substring(4) : host)
                + (uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "" : uri.getPath());
        return "<a class=\"" + cssClass + "\" href=\"" + Html.text(https) + "\" rel=\"noopener nofollow\">"
                + Html.text(shown) + "</a>";
    }

    /** The campaign page's section; nothing when the campaign names no organisation. */
    static String section(Campaign campaign, Map<String, OrganisationProfile> profiles) {
        List<String> partners = campaign.partners();
        String owner = campaign.ownerOrganisation();
        boolean hasOwner = owner != null && !owner.isBlank();
        if (!hasOwner && partners.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("""
                      <section id="organisations" class="card organisations" aria-labelledby="organisations-heading">
                        <h2 id="organisations-heading">Who runs this campaign</h2>
                """);
        if (hasOwner) {
            s.append("        <h3 id=\"owner-heading\">Run by</h3>\n")
                    .append("        <ul id=\"owner\" class=\"org-list\" aria-labelledby=\"owner-heading\">\n")
                    .append(item(owner, profiles.get(owner)))
                    .append("        </ul>\n");
        }
        if (!partners.isEmpty()) {
            s.append("        <h3 id=\"partners-heading\">Partners (").append(partners.size()).append(")</h3>\n")
                    .append("        <ul id=\"partners\" class=\"org-list\" aria-labelledby=\"partners-heading\">\n");
            partners.forEach(id -> s.append(item(id, profiles.get(id))));
            s.append("        </ul>\n");
        }
        return s.append("      </section>\n").toString();
    }

    /**
     * The organisations that endorse the campaign's statement, the first to endorse first: logo, name linked
     * to its page, kind, its quote; nothing when none does.
     */
    static String endorsers(Endorsers endorsers) {
        if (endorsers.items().isEmpty()) {
            return "";
        }
        long total = endorsers.total();
        StringBuilder s = new StringBuilder("""
                      <section id="endorsements" class="card organisations" aria-labelledby="endorsements-heading">
                        <h2 id="endorsements-heading">Endorsed by %s</h2>
                        <ul id="endorsers" class="org-list">
                """.formatted(total == 1 ? "1 organisation" : String.format(Locale.ROOT, "%,d organisations", total)));
        for (Endorsers.Endorser e : endorsers.items()) {
            String kind = kind(e.kind());
            s.append("          <li class=\"org endorser\">").append(logo(e.logoUrl(), "org-logo", 40))
                    .append("<span class=\"org-text\"><a class=\"org-name\" href=\"")
                    .append(Html.text(path(e.organisationId()))).append("\">").append(Html.text(e.name())).append("</a>")
                    .append(kind == null ? "" : "<span class=\"org-kind\">" + Html.text(kind) + "</span>")
                    .append(e.quote() == null || e.quote().isBlank() ? ""
                            : "<blockquote class=\"endorsement-quote\">" + Html.text(e.quote()) + "</blockquote>")
                    .append("</span></li>\n");
        }
        return s.append("        </ul>\n      </section>\n").toString();
    }

    /** One organisation: logo, name linked to its page, website; without a profile, its id as plain text. */
    private static String item(String id, OrganisationProfile profile) {
        if (profile == null) {
            return "          <li class=\"org\"><span class=\"org-name\">" + Html.text(id) + "</span></li>\n";
        }
        String website = external(profile.website(), "org-website");
        return "          <li class=\"org\">" + logo(profile.logoUrl(), "org-logo", 40)
                + "<span class=\"org-text\"><a class=\"org-name\" href=\"" + Html.text(path(id)) + "\">"
                + Html.text(profile.displayName()) + "</a>" + website + "</span></li>\n";
    }
}
