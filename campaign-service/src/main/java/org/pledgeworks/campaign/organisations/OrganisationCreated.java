package org.pledgeworks.campaign.organisations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code organisation-created.v1} on topic {@code campaigns}: a platform operator added an organisation. */
record OrganisationCreated(
        UUID eventId,
        Instant occurredAt,
        String organisationId,
        String name,
        String kind,
        String description,
        String website,
        String logoUrl,
        String contactEmail,
        List<String> socialLinks) implements OrganisationEvent {

    static final String TYPE = "organisation-created.v1";

    static OrganisationCreated of(Organisation organisation, UUID eventId, Instant now) {
        Organisation.Profile p = organisation.profile();
        return new OrganisationCreated(eventId, now, organisation.id(), p.name(), p.kind().wireName(), p.description(),
                p.website(), p.logoUrl(), p.contactEmail(), p.socialLinks());
    }

    @Override
    public String wireType() {
        return TYPE;
    }
}
