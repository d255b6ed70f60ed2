package org.pledgeworks.pledge.campaigns;

import org.pledgeworks.kit.web.ProblemException;

import org.springframework.http.HttpStatus;

/** No campaign answers to this slug. */
public class CampaignNotFoundException extends ProblemException {

    private final String slug;

    public CampaignNotFoundException(String slug) {
        super(HttpStatus.NOT_FOUND, "campaign-not-found", "Campaign not found",
                "No campaign has the slug '" + slug + "'.");
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
