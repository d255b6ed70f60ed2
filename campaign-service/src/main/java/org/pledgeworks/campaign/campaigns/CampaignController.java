package org.pledgeworks.campaign.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public campaign API: what a consumer's browser reads before signing. */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private static final CacheControl PUBLIC_SHORT = CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();

    private final CampaignCatalogue catalogue;

    CampaignController(CampaignCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    ResponseEntity<CampaignPage> open(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<CampaignSummary> items = catalogue.open(page, size).stream().map(CampaignSummary::of).toList();
        return ResponseEntity.ok().cacheControl(PUBLIC_SHORT)
                .body(new CampaignPage(items, page, size, catalogue.countOpen()));
    }

    @GetMapping("/{slug}")
    ResponseEntity<CampaignView> bySlug(@PathVariable String slug) {
        return ResponseEntity.ok().cacheControl(PUBLIC_SHORT).body(CampaignView.of(catalogue.publishedBySlug(slug)));
    }

    record CampaignPage(List<CampaignSummary> items, int page, int size, long total) {
    }

    record CampaignSummary(String campaignId, String slug, String title, String summary, long goal, String status) {

        static CampaignSummary of(Campaign c) {
            return new CampaignSummary(c.id(), c.slug(), c.title(), c.summary(), c.goal(), c.status().wireName());
        }
    }

    record CampaignView(String campaignId, String slug, String title, String summary, String pledgeText,
            int pledgeTextVersion, long goal, String status, String defaultLocale, String ownerOrganisation,
            List<String> partnerOrganisations, Instant endsAt) {

        static CampaignView of(Campaign c) {
            return new CampaignView(c.id(), c.slug(), c.title(), c.summary(), c.pledgeText(), c.pledgeTextVersion(),
                    c.goal(), c.status().wireName(), c.defaultLocale(), c.ownerOrganisation(),
                    c.partnerOrganisations(), c.endsAt());
        }
    }
}
