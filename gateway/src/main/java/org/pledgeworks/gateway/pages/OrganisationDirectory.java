package org.pledgeworks.gateway.pages;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.pledgeworks.gateway.pages.CampaignPageData.text;

/**
 * One page of campaign-service's partner directory ({@code GET /api/organisations?page=&size=}), as the
 * directory page shows it.
 *
 * @param page  0-based, as the API counts; the page's address counts from 1, as people do
 * @param total organisations in the directory, all pages together
 */
record OrganisationDirectory(List<OrganisationProfile> organisations, int page, int size, long total) {

    static OrganisationDirectory from(JsonNode json, int page, int size) {
        List<OrganisationProfile> organisations = new ArrayList<>();
        for (JsonNode item : json.path("items").values()) {
            String id = text(item, "organisationId");
            if (id != null) {
                organisations.add(OrganisationProfile.from(id, item).card());
            }
        }
        return new OrganisationDirectory(List.copyOf(organisations), page, size, json.path("total").asLong(0));
    }

    boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    boolean hasPrevious() {
        return page > 0;
    }
}
