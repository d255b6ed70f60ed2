package org.pledgeworks.campaign.organisations;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** {@code organisation-created.v1} on topic {@code campaigns}: a platform operator added an organisation. */
record OrganisationCreated(UUID eventId, Instant occurredAt, String organisationId,
        @JsonUnwrapped PublishedProfile profile) implements OrganisationEvent {

    static final String TYPE = "organisation-created.v1";

    static OrganisationCreated of(Organisation organisation, UUID eventId, Instant now) {
        return new OrganisationCreated(eventId, now, organisation.id(), PublishedProfile.of(organisation.profile()));
    }

    @Override
    public String wireType() {
        return TYPE;
    }
}
