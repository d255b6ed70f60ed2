package org.pledgeworks.gateway.pages;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.pledgeworks.gateway.pages.CampaignPageData.text;

/**
 * An organisation as the pages show it, read from campaign-service's public profile
 * ({@code GET /api/organisations/{id}}). Only the fields the pages use are read.
 *
 * @param socialLinks its pages elsewhere, as given (each checked for https where it is linked)
 * @param campaigns   its open and closed campaigns, as campaign-service lists them (by title); empty where
 *                    a page does not need them (the campaign page keeps only the rest)
 */
record OrganisationProfile(String id, String name, String kind, String description, String website, String logoUrl,
        String contactEmail, List<String> socialLinks, List<ListedCampaign> campaigns) {

    /** @param role {@code owner} or {@code partner} */
    record ListedCampaign(String slug, String title, String summary, String status, String role) {

        boolean owned() {
            return "owner".equals(role);
        }
    }

    /** @param id the id asked for: the page's address is the one campaign-service answered for */
    static OrganisationProfile from(String id, JsonNode json) {
        List<String> links = new ArrayList<>();
        for (JsonNode link : json.path("socialLinks").values()) {
            if (link.isString()) {
                links.add(link.asString());
            }
        }
        List<ListedCampaign> campaigns = new ArrayList<>();
        for (JsonNode c : json.path("campaigns").values()) {
            if (text(c, "slug") != null) {
                campaigns.add(new ListedCampaign(text(c, "slug"), text(c, "title"), text(c, "summary"),
                        text(c, "status"), text(c, "role")));
            }
        }
        return new OrganisationProfile(id, text(json, "name"), text(json, "kind"),
                text(json, "description"), text(json, "website"), text(json, "logoUrl"), text(json, "contactEmail"),
                List.copyOf(links), List.copyOf(campaigns));
    }

    /** What the campaign page needs of it, without the campaigns list, to keep many in memory. */
    OrganisationProfile card() {
        return new OrganisationProfile(id, name, kind, description, website, logoUrl, null, List.of(), List.of());
    }

    /** The name, or the id where a profile has none (campaign-service requires one; a page never says "null"). */
    String displayName() {
        return name == null || name.isBlank() ? id : name;
    }
}
