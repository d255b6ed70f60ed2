package org.pledgeworks.campaign.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Sorts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.bson.conversions.Bson;
import org.pledgeworks.campaign.campaigns.Campaign.Translation;
import org.pledgeworks.campaign.system.Markdown;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public campaign API: what a consumer's browser reads before signing. Answers carry
 * {@code Cache-Control} and an {@code ETag} (see {@code system.HttpCaching}), so a revisit costs a 304.
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private static final CacheControl PUBLIC_SHORT = CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();

    private final CampaignCatalogue catalogue;

    CampaignController(CampaignCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** @param sort {@code title} (default), {@code newest} (last published first) or {@code ending} (soonest end first) */
    @GetMapping
    ResponseEntity<CampaignPage> open(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "title") @Pattern(regexp = "title|newest|ending",
                    message = "must be one of title, newest, ending") String sort) {
        Bson order = switch (sort) {
            case "newest" -> Sorts.descending("publishedAt");
            case "ending" -> Sorts.ascending("endsAt");
            default -> Sorts.ascending("title");
        };
        List<CampaignSummary> items = catalogue.open(page, size, order).stream().map(CampaignSummary::of).toList();
        return ResponseEntity.ok().cacheControl(PUBLIC_SHORT)
                .body(new CampaignPage(items, page, size, catalogue.countOpen()));
    }

    @GetMapping("/{slug}")
    ResponseEntity<CampaignView> bySlug(@PathVariable String slug) {
        return ResponseEntity.ok().cacheControl(PUBLIC_SHORT).body(CampaignView.of(catalogue.publishedBySlug(slug)));
    }

    record CampaignPage(List<CampaignSummary> items, int page, int size, long total) {
    }

    record CampaignSummary(String campaignId, String slug, String title, String summary, long goal, String status,
            String imageUrl, Instant endsAt) {

        static CampaignSummary of(Campaign c) {
            return new CampaignSummary(c.id(), c.slug(), c.title(), c.summary(), c.goal(), c.status().wireName(),
                    c.imageUrl(), c.endsAt());
        }
    }

    record CampaignView(String campaignId, String slug, String title, String summary, String descriptionHtml,
            String pledgeText, int pledgeTextVersion, long goal, String status, String defaultLocale,
            Map<String, Translation> translations, String ownerOrganisation, List<String> partnerOrganisations,
            Instant startsAt, Instant endsAt, String imageUrl) {

        static CampaignView of(Campaign c) {
            return new CampaignView(c.id(), c.slug(), c.title(), c.summary(), Markdown.toHtml(c.description()),
                    c.pledgeText(), c.pledgeTextVersion(), c.goal(), c.status().wireName(), c.defaultLocale(),
                    c.translations(), c.ownerOrganisation(), c.partnerOrganisations(), c.startsAt(), c.endsAt(),
                    c.imageUrl());
        }
    }
}
