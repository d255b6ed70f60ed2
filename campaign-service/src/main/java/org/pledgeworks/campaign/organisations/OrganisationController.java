package org.pledgeworks.campaign.organisations;

import static org.pledgeworks.campaign.system.HttpCaching.PUBLIC_MINUTE;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.pledgeworks.campaign.campaigns.Campaign;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public partner directory: every organisation by name, and one with the campaigns it runs. Answers
 * carry {@code Cache-Control} and an {@code ETag} ({@code system.HttpCaching}), as the campaign reads do.
 */
@RestController
@RequestMapping("/api/organisations")
class OrganisationController {

    private final Organisations organisations;

    OrganisationController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    ResponseEntity<OrganisationPage> directory(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<OrganisationSummary> items = organisations.directory(page, size).stream().map(OrganisationSummary::of)
                .toList();
        return ResponseEntity.ok().cacheControl(PUBLIC_MINUTE)
                .body(new OrganisationPage(items, page, size, organisations.count()));
    }

    @GetMapping("/{organisationId}")
    ResponseEntity<OrganisationProfile> profile(@PathVariable @Size(max = 64) String organisationId) {
        Organisation organisation = organisations.one(organisationId);
        List<ListedCampaign> campaigns = organisations.campaignsOf(organisation).stream()
                .map(c -> ListedCampaign.of(c, organisation.id())).toList();
        return ResponseEntity.ok().cacheControl(PUBLIC_MINUTE).body(OrganisationProfile.of(organisation, campaigns));
    }

    record OrganisationPage(List<OrganisationSummary> items, int page, int size, long total) {
    }

    record OrganisationSummary(String organisationId, String name, String kind, String description, String website,
            String logoUrl) {

        static OrganisationSummary of(Organisation o) {
            Organisation.Profile p = o.profile();
            return new OrganisationSummary(o.id(), p.name(), p.kind().wireName(), p.description(), p.website(),
                    p.logoUrl());
        }
    }

    record OrganisationProfile(String organisationId, String name, String kind, String description, String website,
            String logoUrl, String contactEmail, List<String> socialLinks, List<ListedCampaign> campaigns) {

        static OrganisationProfile of(Organisation o, List<ListedCampaign> campaigns) {
            Organisation.Profile p = o.profile();
            return new OrganisationProfile(o.id(), p.name(), p.kind().wireName(), p.description(), p.website(),
                    p.logoUrl(), p.contactEmail(), p.socialLinks(), campaigns);
        }
    }

    /** @param role {@code owner} or {@code partner}: how this organisation takes part in the campaign */
    record ListedCampaign(String campaignId, String slug, String title, String summary, String status, String role,
            String imageUrl, Instant endsAt) {

        static ListedCampaign of(Campaign c, String organisationId) {
            return new ListedCampaign(c.id(), c.slug(), c.title(), c.summary(), c.status().wireName(),
                    c.ownerOrganisation().equals(organisationId) ? "owner" : "partner", c.imageUrl(), c.endsAt());
        }
    }
}
