package org.pledgeworks.campaign.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.pledgeworks.campaign.campaigns.Campaign.Translation;
import org.pledgeworks.campaign.campaigns.CampaignInput.PledgeTextInput;
import org.pledgeworks.campaign.staff.StaffMember;
import org.pledgeworks.campaign.system.Markdown;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The staff API for campaigns; who may do what is {@link CampaignAccess}'s business. */
@RestController
@RequestMapping("/api/staff/campaigns")
class StaffCampaignController {

    private final CampaignCatalogue catalogue;
    private final CampaignAccess access;

    StaffCampaignController(CampaignCatalogue catalogue, CampaignAccess access) {
        this.catalogue = catalogue;
        this.access = access;
    }

    @GetMapping
    List<StaffCampaignView> mine(StaffMember member, @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return catalogue.forMember(member, page, size).stream().map(StaffCampaignView::of).toList();
    }

    @PostMapping
    ResponseEntity<StaffCampaignView> create(StaffMember member, @Valid @RequestBody CampaignInput input) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(StaffCampaignView.of(catalogue.createDraft(member, input)));
    }

    @GetMapping("/{id}")
    StaffCampaignView one(StaffMember member, @PathVariable String id) {
        return StaffCampaignView.of(access.forReading(member, id));
    }

    @PutMapping("/{id}")
    StaffCampaignView edit(StaffMember member, @PathVariable String id, @Valid @RequestBody CampaignInput input) {
        return StaffCampaignView.of(catalogue.edit(member, id, input));
    }

    @PostMapping("/{id}/publish")
    StaffCampaignView publish(StaffMember member, @PathVariable String id) {
        return StaffCampaignView.of(catalogue.publish(member, id));
    }

    @PostMapping("/{id}/close")
    StaffCampaignView close(StaffMember member, @PathVariable String id) {
        return StaffCampaignView.of(catalogue.close(member, id));
    }

    @PostMapping("/{id}/archive")
    StaffCampaignView archive(StaffMember member, @PathVariable String id) {
        return StaffCampaignView.of(catalogue.archive(member, id));
    }

    @PostMapping("/{id}/pledge-text")
    StaffCampaignView revisePledgeText(StaffMember member, @PathVariable String id,
            @Valid @RequestBody PledgeTextInput input) {
        return StaffCampaignView.of(catalogue.revisePledgeText(member, id, input));
    }

    @GetMapping("/{id}/pledge-text")
    List<PledgeTextVersion> pledgeTextVersions(StaffMember member, @PathVariable String id) {
        return catalogue.pledgeTextVersions(member, id);
    }

    record StaffCampaignView(String campaignId, String slug, String title, String summary, String description,
            String descriptionHtml, String pledgeText, int pledgeTextVersion, long goal, String status,
            String defaultLocale, Map<String, Translation> translations, String ownerOrganisation,
            List<String> partnerOrganisations, Instant startsAt, Instant endsAt, String imageUrl,
            List<Long> milestoneThresholds) {

        static StaffCampaignView of(Campaign c) {
            return new StaffCampaignView(c.id(), c.slug(), c.title(), c.summary(), c.description(),
                    Markdown.toHtml(c.description()), c.pledgeText(), c.pledgeTextVersion(), c.goal(),
                    c.status().wireName(), c.defaultLocale(), c.translations(), c.ownerOrganisation(),
                    c.partnerOrganisations(), c.startsAt(), c.endsAt(), c.imageUrl(), c.thresholds());
        }
    }
}
