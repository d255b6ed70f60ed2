package org.pledgeworks.pledge.campaigns;

import org.pledgeworks.kit.web.ProblemException;

import org.springframework.http.HttpStatus;

/** The campaign exists but takes no signatures (closed or archived). */
public class CampaignNotOpenException extends ProblemException {

    private final String slug;

    public CampaignNotOpenException(String slug) {
        super(HttpStatus.CONFLICT, "campaign-not-open", "This campaign is not taking signatures",
                "The campaign '" + slug + "' is closed.");
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
