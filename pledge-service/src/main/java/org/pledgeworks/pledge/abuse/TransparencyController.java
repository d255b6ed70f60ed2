package org.pledgeworks.pledge.abuse;

import java.time.Duration;

import org.pledgeworks.pledge.campaigns.CampaignCopies;
import org.pledgeworks.pledge.campaigns.OpenCampaign;
import org.pledgeworks.pledge.campaigns.CampaignNotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Public: how many signatures of a campaign were held back, and why. Counts only. */
@RestController
class TransparencyController {

    private final CampaignCopies campaigns;
    private final Moderation moderation;

    TransparencyController(CampaignCopies campaigns, Moderation moderation) {
        this.campaigns = campaigns;
        this.moderation = moderation;
    }

    @GetMapping("/api/campaigns/{slug}/pledges/moderation")
    ResponseEntity<Response> moderation(@PathVariable String slug) {
        OpenCampaign campaign = campaigns.bySlug(slug).orElseThrow(() -> new CampaignNotFoundException(slug));
        Moderation.Transparency t = moderation.transparency(campaign.campaignId());
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(10)).cachePublic())
                .body(new Response(campaign.campaignId(), campaign.slug(), t.quarantined(), t.invalidated(),
                        t.released()));
    }

    record Response(String campaignId, String slug, java.util.Map<String, Long> quarantinedByReason,
            java.util.Map<String, Long> invalidatedByReason, java.util.Map<String, Long> releasedByReason) {
    }
}
