package org.pledgeworks.campaign.organisations;

import java.util.List;

/**
 * The profile as {@code organisation-created.v1} and {@code organisation-revised.v1} both carry it: whole,
 * the kind by its wire name. The events unwrap it, so its fields stand beside the event's own, as the
 * schemas under contracts/campaigns/ have them.
 */
record PublishedProfile(
        String name,
        String kind,
        String description,
        String website,
        String logoUrl,
        String contactEmail,
        List<String> socialLinks) {

    static PublishedProfile of(Organisation.Profile p) {
        return new PublishedProfile(p.name(), p.kind().wireName(), p.description(), p.website(), p.logoUrl(),
                p.contactEmail(), p.socialLinks());
    }
}
