package org.pledgeworks.campaign.organisations;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.pledgeworks.campaign.staff.StaffMember;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The staff API for organisation profiles; who may do what is {@link Organisations}' business. */
@RestController
@RequestMapping("/api/staff/organisations")
class StaffOrganisationController {

    private final Organisations organisations;

    StaffOrganisationController(Organisations organisations) {
        this.organisations = organisations;
    }

    @PostMapping
    ResponseEntity<StaffOrganisationView> create(StaffMember member, @Valid @RequestBody OrganisationInput input) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(StaffOrganisationView.of(organisations.create(member, input)));
    }

    /** Any staff member: the profile is public anyway, this adds its revision and dates. */
    @GetMapping("/{organisationId}")
    StaffOrganisationView one(StaffMember member, @PathVariable @Size(max = 64) String organisationId) {
        return StaffOrganisationView.of(organisations.one(organisationId));
    }

    @PutMapping("/{organisationId}")
    StaffOrganisationView revise(StaffMember member, @PathVariable @Size(max = 64) String organisationId,
            @Valid @RequestBody OrganisationInput input) {
        return StaffOrganisationView.of(organisations.revise(member, organisationId, input));
    }

    record StaffOrganisationView(String organisationId, String name, String kind, String description, String website,
            String logoUrl, String contactEmail, List<String> socialLinks, Instant createdAt, Instant revisedAt,
            long revision) {

        static StaffOrganisationView of(Organisation o) {
            Organisation.Profile p = o.profile();
            return new StaffOrganisationView(o.id(), p.name(), p.kind().wireName(), p.description(), p.website(),
                    p.logoUrl(), p.contactEmail(), p.socialLinks(), o.createdAt(), o.revisedAt(), o.revision());
        }
    }
}
