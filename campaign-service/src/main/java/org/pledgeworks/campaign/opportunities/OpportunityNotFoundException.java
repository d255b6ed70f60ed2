package org.pledgeworks.campaign.opportunities;

import org.pledgeworks.campaign.system.NotFoundException;

/** No public opportunity has this id: unknown, a draft, or on a campaign that is not public. */
class OpportunityNotFoundException extends NotFoundException {

    OpportunityNotFoundException(String opportunityId) {
        super("Opportunity not found", "opportunity-not-found", "No published opportunity '" + opportunityId + "'.");
    }
}
