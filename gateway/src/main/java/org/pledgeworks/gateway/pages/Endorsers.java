package org.pledgeworks.gateway.pages;

import static org.pledgeworks.gateway.pages.CampaignPageData.text;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The organisations that endorse a campaign, as campaign-service lists them
 * ({@code GET /api/campaigns/{slug}/endorsements}): each with the directory's name, kind, logo and website,
 * its quote and since when, the first to endorse first.
 *
 * @param total how many endorse (the list may hold fewer: campaign-service lists at most 500)
 */
record Endorsers(long total, List<Endorser> items) {

    static final Endorsers NONE = new Endorsers(0, List.of());

    Endorsers {
        items = List.copyOf(items);
    }

    /** @param quote plain text, null without one */
    record Endorser(String organisationId, String name, String kind, String website, String logoUrl, String quote,
            Instant endorsedAt) {

        static Endorser from(JsonNode json) {
            return new Endorser(text(json, "organisationId"), text(json, "name"), text(json, "kind"),
                    text(json, "website"), text(json, "logoUrl"), text(json, "quote"),
                    CampaignPageData.instant(json, "endorsedAt"));
        }
    }

    /** An endorser without an id or a name (nothing to show or link) is left out. */
    static Endorsers from(JsonNode json) {
        List<Endorser> items = CampaignPageData.items(json, Endorser::from,
                e -> e.organisationId() != null && e.name() != null);
        return new Endorsers(Math.max(json.path("total").asLong(0), items.size()), items);
    }

    /** Their logos, for the page's Content-Security-Policy. */
    List<String> logos() {
        return items.stream().map(e -> Html.httpsUrl(e.logoUrl())).toList();
    }
}
