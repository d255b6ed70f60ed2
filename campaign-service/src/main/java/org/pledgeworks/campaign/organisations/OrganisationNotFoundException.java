package org.pledgeworks.campaign.organisations;

import org.pledgeworks.campaign.system.NotFoundException;

/** No organisation has this id: a client tells it apart from other misses by its problem type. */
class OrganisationNotFoundException extends NotFoundException {

    OrganisationNotFoundException(String organisationId) {
        super("Organisation not found", "organisation-not-found", "No organisation '" + organisationId + "'.");
    }
}
