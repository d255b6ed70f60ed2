package org.pledgeworks.campaign.card;

import static org.pledgeworks.campaign.system.HttpCaching.PUBLIC_MINUTE;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledgeworks.campaign.card.CardInput.AssessmentInput;
import org.pledgeworks.campaign.card.CardInput.FrameworkInput;
import org.pledgeworks.campaign.card.CardInput.ReplyInput;
import org.pledgeworks.campaign.card.CardInput.ReplyRequestInput;
import org.pledgeworks.campaign.card.CardInput.TargetInput;
import org.pledgeworks.campaign.staff.StaffMember;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The card: staff keep it under {@code /api/staff/campaigns/{id}/card}, anyone reads it by slug. */
@RestController
class CardController {

    private static final String STAFF = "/api/staff/campaigns/{campaignId}/card";

    private final ProgressCard card;

    CardController(ProgressCard card) {
        this.card = card;
    }

    @GetMapping(STAFF)
    Card staffCard(StaffMember member, @PathVariable String campaignId) {
        return card.card(card.forReading(member, campaignId));
    }

    @PutMapping(STAFF + "/framework")
    Framework framework(StaffMember member, @PathVariable String campaignId, @Valid @RequestBody FrameworkInput input) {
        return card.putFramework(member, campaignId, input);
    }

    @PostMapping(STAFF + "/targets")
    ResponseEntity<TargetCreated> addTarget(StaffMember member, @PathVariable String campaignId,
            @Valid @RequestBody TargetInput input) {
        Target target = card.addTarget(member, campaignId, input);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new TargetCreated(target.id(), target.name(), target.kind(), target.countryCode(),
                        target.organisationId()));
    }

    @PutMapping(STAFF + "/targets/{targetId}/assessments")
    Card.Assessment assess(StaffMember member, @PathVariable String campaignId,
            @PathVariable String targetId, @Valid @RequestBody AssessmentInput input) {
        return Card.Assessment.of(card.assess(member, campaignId, targetId, input));
    }

    @GetMapping(STAFF + "/targets/{targetId}/history")
    Card.TargetHistory staffHistory(StaffMember member, @PathVariable String campaignId,
            @PathVariable String targetId) {
        return card.history(card.forReading(member, campaignId), targetId);
    }

    @PostMapping(STAFF + "/targets/{targetId}/replies")
    ResponseEntity<ReplyRequested> requestReply(StaffMember member, @PathVariable String campaignId,
            @PathVariable String targetId, @Valid @RequestBody ReplyRequestInput input) {
        Target.ReplyRequest reply = card.requestReply(member, campaignId, targetId, input);
        return ResponseEntity.status(HttpStatus.CREATED).body(new ReplyRequested(reply.replyId()));
    }

    @PutMapping(STAFF + "/targets/{targetId}/replies/{replyId}")
    ReplyRequested recordReply(StaffMember member, @PathVariable String campaignId,
            @PathVariable String targetId, @PathVariable String replyId, @Valid @RequestBody ReplyInput input) {
        card.recordReply(member, campaignId, targetId, replyId, input);
        return new ReplyRequested(replyId);
    }

    @GetMapping("/api/campaigns/{slug}/card")
    ResponseEntity<Card> publicCard(@PathVariable String slug) {
        return ResponseEntity.ok().cacheControl(PUBLIC_MINUTE).body(card.card(card.published(slug)));
    }

    /** The whole grid in one cacheable read, so the page draws it without a call per target. */
    @GetMapping("/api/campaigns/{slug}/card/grid")
    ResponseEntity<CardGrid> publicGrid(@PathVariable String slug,
            @RequestParam(required = false) @Size(max = 20) @Pattern(regexp = "^[0-9A-Za-z-]+$",
                    message = "must be a label such as 2026 or 2026-q1") String cycle) {
        return ResponseEntity.ok().cacheControl(PUBLIC_MINUTE).body(card.grid(card.published(slug), cycle));
    }

    @GetMapping("/api/campaigns/{slug}/card/targets/{targetId}")
    ResponseEntity<Card.TargetHistory> publicHistory(@PathVariable String slug, @PathVariable String targetId) {
        return ResponseEntity.ok().cacheControl(PUBLIC_MINUTE).body(card.history(card.published(slug), targetId));
    }

    record TargetCreated(String targetId, String name, String kind, String countryCode, String organisationId) {
    }

    record ReplyRequested(String replyId) {
    }
}
