package org.pledgeworks.pledge.referrals;

import org.pledgeworks.pledge.campaigns.OpenCampaign;
import org.pledgeworks.pledge.signatures.Signatures;
import org.pledgeworks.pledge.staff.CampaignStaff;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/staff/pledges/campaigns/{slug}/sources}: which links brought a campaign's signatures, for
 * every role of its owner and partner organisations (it holds figures, not people). Counted on each call:
 * staff open it now and then, and a campaign's signatures are grouped where they are stored.
 */
@RestController
class SourceReportController {

    private final CampaignStaff access;
    private final Signatures signatures;

    SourceReportController(CampaignStaff access, Signatures signatures) {
        this.access = access;
        this.signatures = signatures;
    }

    @GetMapping("/api/staff/pledges/campaigns/{slug}/sources")
    ResponseEntity<SourceReport> sources(@PathVariable String slug, @AuthenticationPrincipal Jwt staff) {
        OpenCampaign campaign = access.authorise(slug, staff, CampaignStaff.ANY_ROLE,
                "Only staff of this campaign's organisations may see where its signatures come from.");
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(SourceReport.of(campaign.slug(), signatures.sourceTallies(campaign.campaignId())));
    }
}
