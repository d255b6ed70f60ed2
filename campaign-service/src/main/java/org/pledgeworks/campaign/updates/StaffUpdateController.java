package org.pledgeworks.campaign.updates;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import org.pledgeworks.campaign.staff.StaffMember;
import org.pledgeworks.campaign.system.Markdown;
import org.pledgeworks.campaign.updates.UpdateInput.ScheduleInput;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff write, preview, schedule and publish updates of their campaigns. */
@RestController
@RequestMapping("/api/staff/campaigns/{campaignId}/updates")
class StaffUpdateController {

    private final Updates updates;

    StaffUpdateController(Updates updates) {
        this.updates = updates;
    }

    @GetMapping
    List<StaffUpdateView> all(StaffMember member, @PathVariable String campaignId) {
        return updates.forStaff(member, campaignId).stream().map(StaffUpdateView::of).toList();
    }

    @PostMapping
    ResponseEntity<StaffUpdateView> write(StaffMember member, @PathVariable String campaignId,
            @Valid @RequestBody UpdateInput input) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(StaffUpdateView.of(updates.write(member, campaignId, input)));
    }

    @GetMapping("/{updateId}")
    StaffUpdateView one(StaffMember member, @PathVariable String campaignId, @PathVariable String updateId) {
        return StaffUpdateView.of(updates.one(member, campaignId, updateId));
    }

    @PutMapping("/{updateId}")
    StaffUpdateView edit(StaffMember member, @PathVariable String campaignId,
            @PathVariable String updateId, @Valid @RequestBody UpdateInput input) {
        return StaffUpdateView.of(updates.edit(member, campaignId, updateId, input));
    }

    /** The update as readers will see it: rendered, sanitised HTML and plain text, per locale. */
    @GetMapping("/{updateId}/preview")
    UpdateView preview(StaffMember member, @PathVariable String campaignId, @PathVariable String updateId) {
        return UpdateView.of(updates.one(member, campaignId, updateId));
    }

    @PostMapping("/{updateId}/schedule")
    StaffUpdateView schedule(StaffMember member, @PathVariable String campaignId,
            @PathVariable String updateId, @Valid @RequestBody ScheduleInput input) {
        return StaffUpdateView.of(updates.schedule(member, campaignId, updateId, input.publishAt()));
    }

    /** Back to draft: the scheduled publication is called off; editing and scheduling go on as before. */
    @PostMapping("/{updateId}/unschedule")
    StaffUpdateView unschedule(StaffMember member, @PathVariable String campaignId, @PathVariable String updateId) {
        return StaffUpdateView.of(updates.unschedule(member, campaignId, updateId));
    }

    @PostMapping("/{updateId}/publish")
    StaffUpdateView publish(StaffMember member, @PathVariable String campaignId, @PathVariable String updateId) {
        return StaffUpdateView.of(updates.publishNow(member, campaignId, updateId));
    }

    record StaffUpdateView(String updateId, String campaignId, String status, String locale, String title,
            String body, List<CampaignUpdate.Variant> variants, Instant publishAt, Instant publishedAt,
            Instant createdAt, String createdBy) {

        static StaffUpdateView of(CampaignUpdate u) {
            return new StaffUpdateView(u.id(), u.campaignId(), u.status().name().toLowerCase(java.util.Locale.ROOT),
                    u.locale(), u.title(), u.body(), u.variants(), u.publishAt(), u.publishedAt(), u.createdAt(),
                    u.createdBy());
        }
    }

    /** Shared with the public feed: what a reader sees. */
    record UpdateView(String updateId, String locale, String title, String bodyHtml, String bodyText,
            Instant publishedAt, List<VariantView> variants) {

        static UpdateView of(CampaignUpdate u) {
            return new UpdateView(u.id(), u.locale(), u.title(), Markdown.toHtml(u.body()), Markdown.toText(u.body()),
                    u.publishedAt(), u.variants().stream().map(v -> new VariantView(v.locale(), v.title(),
                            Markdown.toHtml(v.body()), Markdown.toText(v.body()))).toList());
        }
    }

    record VariantView(String locale, String title, String bodyHtml, String bodyText) {
    }
}
