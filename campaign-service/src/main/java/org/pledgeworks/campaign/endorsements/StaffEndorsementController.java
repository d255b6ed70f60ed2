package org.pledgeworks.campaign.endorsements;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.pledgeworks.campaign.staff.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organisation's admin endorses a campaign (PUT: 201 when new or renewed, 200 when the quote changed or
 * nothing did) or withdraws the endorsement (DELETE: 204). Who may is {@link Endorsements}' business.
 */
@RestController
@RequestMapping("/api/staff/campaigns/{campaignId}/endorsements/{organisationId}")
class StaffEndorsementController {

    private final Endorsements endorsements;

    StaffEndorsementController(Endorsements endorsements) {
        this.endorsements = endorsements;
    }

    @PutMapping
    ResponseEntity<EndorsementView> endorse(StaffMember member, @PathVariable @Size(max = 64) String campaignId,
            @PathVariable @Size(max = 64) String organisationId, @Valid @RequestBody EndorsementInput input) {
        Endorsements.Given given = endorsements.endorse(member, campaignId, organisationId, input.cleanQuote());
        return ResponseEntity.status(given.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(EndorsementView.of(given.endorsement()));
    }

    @DeleteMapping
    ResponseEntity<Void> withdraw(StaffMember member, @PathVariable @Size(max = 64) String campaignId,
            @PathVariable @Size(max = 64) String organisationId) {
        endorsements.withdraw(member, campaignId, organisationId);
        return ResponseEntity.noContent().build();
    }

    record EndorsementView(String campaignId, String organisationId, String quote, Instant endorsedAt) {

        static EndorsementView of(Endorsement e) {
            return new EndorsementView(e.campaignId(), e.organisationId(), e.quote(), e.endorsedAt());
        }
    }
}
