package org.pledgeworks.campaign.organisations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An organisation's public profile. The id is the one staff tokens and campaigns name the organisation
 * by; it never changes, or every campaign and every token would lose it.
 *
 * @param revision counts the stored writes; a change is written only at the revision it was computed from
 */
record Organisation(String id, Profile profile, Instant createdAt, Instant revisedAt, long revision) {

    /**
     * What the organisation says about itself.
     *
     * @param website     an https URL; like the logo, validated and never fetched by the server
     * @param logoUrl     an https URL the reader's browser loads
     * @param socialLinks https URLs of its pages elsewhere, in the order given
     */
    record Profile(String name, String description, String website, String logoUrl, String contactEmail,
            List<String> socialLinks, OrganisationKind kind) {

        Profile {
            socialLinks = socialLinks == null ? List.of() : List.copyOf(socialLinks);
        }
    }

    /** A state change and the events it causes, to be written together. */
    record Change(Organisation after, List<OrganisationEvent> events) {
    }

    static Change created(String id, Profile profile, Instant now) {
        Organisation organisation = new Organisation(id, profile, now, now, 0);
        return new Change(organisation, List.of(OrganisationCreated.of(organisation, UUID.randomUUID(), now)));
    }

    /** The profile replaced by {@code edited}; an edit that changes nothing writes nothing and tells nobody. */
    Change revised(Profile edited, Instant now) {
        if (edited.equals(profile)) {
            return new Change(this, List.of());
        }
        Organisation after = new Organisation(id, edited, createdAt, now, revision);
        return new Change(after, List.of(OrganisationRevised.of(after, UUID.randomUUID(), now)));
    }
}
