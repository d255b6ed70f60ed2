package org.pledgeworks.pledge.abuse;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledgeworks.kit.web.InvalidFieldException;
import org.pledgeworks.pledge.campaigns.OpenCampaign;
import org.pledgeworks.pledge.staff.CampaignStaff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff review of quarantined signatures. Only admins and editors of the campaign's owner or partner
 * organisations (from the token's {@code organisations} claim) may see or decide; others get 403,
 * whatever campaign id they try (object-level authorisation).
 */
@RestController
@Validated
class StaffModerationController {

    private static final Logger log = LoggerFactory.getLogger(StaffModerationController.class);

    private final CampaignStaff access;
    private final Moderation moderation;

    StaffModerationController(CampaignStaff access, Moderation moderation) {
        this.access = access;
        this.moderation = moderation;
    }

    @GetMapping("/api/staff/pledges/campaigns/{slug}/quarantine")
    QuarantineList list(@PathVariable String slug, @RequestParam(defaultValue = "100") int limit,
            @AuthenticationPrincipal Jwt staff) {
        OpenCampaign campaign = authorised(slug, staff);
        if (limit < 1 || limit > 1000) {
            throw new InvalidFieldException("limit", "The limit is between 1 and 1000.");
        }
        return new QuarantineList(campaign.campaignId(), moderation.quarantined(campaign.campaignId(), limit));
    }

    @PostMapping("/api/staff/pledges/campaigns/{slug}/quarantine/release")
    Decision release(@PathVariable String slug, @RequestBody @jakarta.validation.Valid SelectionRequest selection,
            @AuthenticationPrincipal Jwt staff) {
        return decide(slug, selection, staff, true);
    }

    @PostMapping("/api/staff/pledges/campaigns/{slug}/quarantine/invalidate")
    Decision invalidate(@PathVariable String slug, @RequestBody @jakarta.validation.Valid SelectionRequest selection,
            @AuthenticationPrincipal Jwt staff) {
        return decide(slug, selection, staff, false);
    }

    private Decision decide(String slug, SelectionRequest request, Jwt staff, boolean release) {
        OpenCampaign campaign = authorised(slug, staff);
        Moderation.Selection selection = new Moderation.Selection(request.ipHash(), request.domain(), request.from(),
                request.to());
        if (selection.isEmpty()) {
            throw new InvalidFieldException("ipHash", "Choose signatures by ipHash, domain or a time window (from, to).");
        }
        int changed = moderation.decide(campaign.campaignId(), selection, release);
        log.info("Staff {} {} {} quarantined signatures of campaign {}", staff.getSubject(),
                release ? "released" : "invalidated", changed, campaign.campaignId());
        return new Decision(release ? "released" : "invalidated", changed);
    }

    private OpenCampaign authorised(String slug, Jwt staff) {
        return access.authorise(slug, staff, CampaignStaff.REVIEWERS,
                "Only admins and editors of this campaign's organisations may review its signatures.");
    }

    record SelectionRequest(@Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_]*") String ipHash,
            @Size(max = 253) @Pattern(regexp = "[A-Za-z0-9.-]*") String domain, Instant from, Instant to) {
    }

    record QuarantineList(String campaignId, List<Moderation.Held> items) {
    }

    record Decision(String decision, int changed) {
    }
}
