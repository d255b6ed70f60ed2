package org.pledgeworks.campaign.opportunities;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import org.pledgeworks.campaign.opportunities.Opportunity.Contact;
import org.pledgeworks.campaign.opportunities.Opportunity.Place;
import org.pledgeworks.campaign.opportunities.Opportunity.Status;
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

/** Staff post, edit, publish, close and fill a campaign's volunteer opportunities. */
@RestController
@RequestMapping("/api/staff/campaigns/{campaignId}/opportunities")
class StaffOpportunityController {

    private final Opportunities opportunities;

    StaffOpportunityController(Opportunities opportunities) {
        this.opportunities = opportunities;
    }

    @GetMapping
    List<StaffOpportunityView> all(StaffMember member, @PathVariable String campaignId) {
        return opportunities.forStaff(member, campaignId).stream().map(StaffOpportunityView::of).toList();
    }

    @PostMapping
    ResponseEntity<StaffOpportunityView> post(StaffMember member, @PathVariable String campaignId,
            @Valid @RequestBody OpportunityInput input) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(StaffOpportunityView.of(opportunities.post(member, campaignId, input)));
    }

    @GetMapping("/{opportunityId}")
    StaffOpportunityView one(StaffMember member, @PathVariable String campaignId, @PathVariable String opportunityId) {
        return StaffOpportunityView.of(opportunities.one(member, campaignId, opportunityId));
    }

    @PutMapping("/{opportunityId}")
    StaffOpportunityView edit(StaffMember member, @PathVariable String campaignId,
            @PathVariable String opportunityId, @Valid @RequestBody OpportunityInput input) {
        return StaffOpportunityView.of(opportunities.edit(member, campaignId, opportunityId, input));
    }

    @PostMapping("/{opportunityId}/publish")
    StaffOpportunityView publish(StaffMember member, @PathVariable String campaignId,
            @PathVariable String opportunityId) {
        return StaffOpportunityView.of(opportunities.publish(member, campaignId, opportunityId));
    }

    @PostMapping("/{opportunityId}/close")
    StaffOpportunityView close(StaffMember member, @PathVariable String campaignId,
            @PathVariable String opportunityId) {
        return StaffOpportunityView.of(opportunities.end(member, campaignId, opportunityId, Status.CLOSED));
    }

    @PostMapping("/{opportunityId}/fill")
    StaffOpportunityView fill(StaffMember member, @PathVariable String campaignId, @PathVariable String opportunityId) {
        return StaffOpportunityView.of(opportunities.end(member, campaignId, opportunityId, Status.FILLED));
    }

    /** What staff see and edit: the Markdown source, not the rendering (the public view has that). */
    record StaffOpportunityView(String opportunityId, String campaignId, String postingOrganisation, String status,
            String title, String description, List<String> skills, String timeCommitment, boolean remote,
            Place place, Instant startsAt, Instant endsAt, int peopleWanted, Contact contact, Instant createdAt,
            String createdBy, Instant publishedAt, Instant closedAt) {

        static StaffOpportunityView of(Opportunity o) {
            Opportunity.Details d = o.details();
            return new StaffOpportunityView(o.id(), o.campaignId(), o.postingOrganisation(), o.status().wire(),
                    d.title(), d.description(), d.skills(), d.timeCommitment(), d.remote(), d.place(), d.startsAt(),
                    d.endsAt(), d.peopleWanted(), d.contact(), o.createdAt(), o.createdBy(), o.publishedAt(),
                    o.closedAt());
        }
    }
}
