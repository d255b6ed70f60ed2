package org.pledgeworks.gateway.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.pledgeworks.gateway.pages.CampaignPageData.text;

/**
 * A volunteer opportunity as the pages show it, read from campaign-service's public record
 * ({@code GET /api/campaigns/{slug}/opportunities}, {@code GET /api/opportunities/{id}}). Only the fields the
 * pages use.
 *
 * @param status          {@code published}, {@code closed} or {@code filled}: only a published one takes interest
 * @param descriptionHtml sanitised by campaign-service, cleaned again by {@link Html} where it is written
 */
record OpportunityListing(String id, String campaignSlug, String organisation, String status, String title,
        String descriptionHtml, String descriptionText, List<String> skills, String timeCommitment, boolean remote,
        Place place, Instant startsAt, Instant endsAt, int peopleWanted, String contactEmail, String contactUrl) {

    record Place(String address, String city, String countryCode) {
    }

    OpportunityListing {
        skills = skills == null ? List.of() : List.copyOf(skills);
    }

    static OpportunityListing from(JsonNode json) {
        List<String> skills = new ArrayList<>();
        for (JsonNode skill : json.path("skills").values()) {
            if (skill.isString() && !skill.asString().isBlank()) {
                skills.add(skill.asString());
            }
        }
        JsonNode p = json.path("place");
        Place place = p.isObject() ? new Place(text(p, "address"), text(p, "city"), text(p, "countryCode")) : null;
        JsonNode contact = json.path("contact");
        return new OpportunityListing(text(json, "opportunityId"), text(json, "campaignSlug"),
                text(json, "postingOrganisation"), text(json, "status"), text(json, "title"),
                text(json, "descriptionHtml"), text(json, "descriptionText"), skills, text(json, "timeCommitment"),
                json.path("remote").asBoolean(false), place, CampaignPageData.instant(json, "startsAt"),
                CampaignPageData.instant(json, "endsAt"), json.path("peopleWanted").asInt(0),
                text(contact, "email"), text(contact, "url"));
    }

    /** The items of a page of opportunities; one without an id (which no link could name) is left out. */
    static List<OpportunityListing> listFrom(JsonNode page) {
        return CampaignPageData.items(page, OpportunityListing::from, item -> item.id() != null);
    }

    boolean open() {
        return status == null || "published".equalsIgnoreCase(status);
    }

    /** Where: "Lyon, France", "Remote", or "Lyon, France, or remote". */
    String where() {
        List<String> parts = new ArrayList<>();
        if (place != null) {
            for (String part : new String[] {place.city(), SignForm.countryName(place.countryCode())}) {
                if (part != null && !part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        String at = String.join(", ", parts);
        if (!remote) {
            return at;
        }
        return at.isEmpty() ? "Remote" : at + ", or remote";
    }
}
