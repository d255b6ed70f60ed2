package org.pledgeworks.campaign.organisations;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code organisation-revised.v1} on topic {@code campaigns}: a profile changed. It carries the whole new
 * profile rather than the fields that changed, so a consumer that missed one revision is right again after
 * the next.
 */
record OrganisationRevised(UUID eventId, Instant occurredAt, String organisationId,
        @JsonUnwrapped PublishedProfile profile) implements OrganisationEvent {

    static final String TYPE = "organisation-revised.v1";

    static OrganisationRevised of(Organisation organisation, UUID eventId, Instant now) {
        return new OrganisationRevised(eventId, now, organisation.id(), PublishedProfile.of(organisation.profile()));
    }

    @Override
    public String wireType() {
        return TYPE;
    }
}
