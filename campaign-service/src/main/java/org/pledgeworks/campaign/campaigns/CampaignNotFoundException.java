package org.pledgeworks.campaign.campaigns;

import org.pledgeworks.campaign.system.NotFoundException;

/** No published campaign answers to this slug (drafts are not found either: they are not public). */
public class CampaignNotFoundException extends NotFoundException {

    public CampaignNotFoundException(String slug) {
        super("Campaign not found", "campaign-not-found", "No published campaign has the slug '" + slug + "'.");
    }
}
