package org.pledgeworks.pledge.counting;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.pledgeworks.pledge.campaigns.CampaignCopies;
import org.pledgeworks.pledge.campaigns.OpenCampaign;
import org.pledgeworks.pledge.signing.CampaignNotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CountController {

    private final CampaignCopies campaigns;
    private final VerifiedCounts counts;

    CountController(CampaignCopies campaigns, VerifiedCounts counts) {
        this.campaigns = campaigns;
        this.counts = counts;
    }

    @GetMapping("/api/campaigns/{slug}/count")
    ResponseEntity<CountResponse> count(@PathVariable String slug) {
        OpenCampaign campaign = campaigns.bySlug(slug).orElseThrow(() -> new CampaignNotFoundException(slug));
        VerifiedCounts.CampaignCount count = counts.of(campaign.campaignId());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic()
                        .staleWhileRevalidate(Duration.ofSeconds(5)))
                .body(new CountResponse(campaign.campaignId(), campaign.slug(), count.total(), count.byCountry(),
                        count.asOf()));
    }

    record CountResponse(String campaignId, String slug, long total, Map<String, Long> byCountry, Instant asOf) {
    }
}
