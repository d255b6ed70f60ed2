package org.pledgeworks.campaign.organisations;

import java.util.UUID;

/** An event about one organisation: keyed by its id on {@code campaigns}, so its events stay in order. */
sealed interface OrganisationEvent permits OrganisationCreated, OrganisationRevised {

    UUID eventId();

    String organisationId();

    String wireType();
}
