package org.pledgeworks.campaign.organisations;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What other features may read of the directory: the public face of an organisation, to show it beside
 * what it did (an endorsement) without reaching into this feature's repository.
 */
@Component
public class OrganisationProfiles {

    private final OrganisationRepository repository;

    OrganisationProfiles(OrganisationRepository repository) {
        this.repository = repository;
    }

    /** @param kind the wire name ({@code ngo}, {@code police}, …) */
    public record Listed(String organisationId, String name, String kind, String website, String logoUrl) {

        static Listed of(Organisation o) {
            Organisation.Profile p = o.profile();
            return new Listed(o.id(), p.name(), p.kind().wireName(), p.website(), p.logoUrl());
        }
    }

    public Optional<Listed> find(String organisationId) {
        return repository.find(organisationId).map(Listed::of);
    }

    /** Where the organisation asks to be written to: its profile's contact address, if it has a profile and one. */
    public Optional<String> contactEmail(String organisationId) {
        return repository.find(organisationId).map(o -> o.profile().contactEmail()).filter(e -> !e.isBlank());
    }

    /** Those of {@code ids} that have a profile, in one read. */
    public Map<String, Listed> findAll(Collection<String> ids) {
        Map<String, Listed> found = new LinkedHashMap<>();
        repository.findAll(ids).forEach(o -> found.put(o.id(), Listed.of(o)));
        return found;
    }
}
