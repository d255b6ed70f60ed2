package org.pledgeworks.campaign.organisations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code organisation-revised.v1} on topic {@code campaigns}: a profile changed. It carries the whole new
 * profile rather than the fields that changed, so a consumer that missed one revision is right again after
 * the next.
 */
record OrganisationRevised(
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

    static final String TYPE = "organisation-revised.v1";

    static OrganisationRevised of(Organisation organisation, UUID eventId, Instant now) {
        Organisation.Profile p = organisation.profile();
        return new OrganisationRevised(eventId, now, organisation.id(), p.name(), p.kind().wireName(), p.description(),
                p.website(), p.logoUrl(), p.contactEmail(), p.socialLinks());
    }

    @Override
    public String wireType() {
        return TYPE;
    }
}
