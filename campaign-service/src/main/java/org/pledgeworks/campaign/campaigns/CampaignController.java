package org.pledgeworks.campaign.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Sorts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bson.conversions.Bson;
import org.pledgeworks.campaign.campaigns.Campaign.Translation;
import org.pledgeworks.campaign.system.Markdown;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
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

    /**
     * One published campaign, its title, summary and pledge text in the reader's language: the
     * {@code locale} parameter, else {@code Accept-Language}, else the campaign's default locale
     * (also for a field a translation leaves out). {@code locale} in the answer and
     * {@code Content-Language} say which was served; {@code Vary: Accept-Language} keeps shared
     * caches from serving one reader's language to another.
     */
    @GetMapping("/{slug}")
    ResponseEntity<CampaignView> bySlug(@PathVariable String slug,
            @RequestParam(required = false) @Size(max = 35, message = "is at most 35 characters")
            @Pattern(regexp = "[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*",
                    message = "is a language tag such as 'de' or 'pt-BR'") String locale,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Campaign campaign = catalogue.publishedBySlug(slug);
        List<String> available = new ArrayList<>();
        available.add(campaign.defaultLocale());
        available.addAll(campaign.translations().keySet());
        String chosen = LocaleChoice.choose(available, locale, acceptLanguage);
        return ResponseEntity.ok().cacheControl(PUBLIC_SHORT).varyBy(HttpHeaders.ACCEPT_LANGUAGE)
                .header(HttpHeaders.CONTENT_LANGUAGE, chosen)
                .body(CampaignView.of(campaign, chosen));
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

    /**
     * @param locale       the locale of title, summary and pledge text (added after issue 4)
     * @param translations every translation, as before, for a page that switches language itself
     * @param milestones   the verified counts announced as milestones, the goal among them, ascending (added for
     *                     issue 27: the campaign page says which are reached, against the public count)
     */
    record CampaignView(String campaignId, String slug, String title, String summary, String descriptionHtml,
            String pledgeText, int pledgeTextVersion, long goal, String status, String defaultLocale,
            Map<String, Translation> translations, String ownerOrganisation, List<String> partnerOrganisations,
            Instant startsAt, Instant endsAt, String imageUrl, String locale, List<Long> milestones) {

        static CampaignView of(Campaign c, String locale) {
            Translation t = locale.equals(c.defaultLocale()) ? null : c.translations().get(locale);
            return new CampaignView(c.id(), c.slug(), or(t == null ? null : t.title(), c.title()),
                    or(t == null ? null : t.summary(), c.summary()), Markdown.toHtml(c.description()),
                    or(t == null ? null : t.pledgeText(), c.pledgeText()), c.pledgeTextVersion(), c.goal(),
                    c.status().wireName(), c.defaultLocale(), c.translations(), c.ownerOrganisation(),
                    c.partnerOrganisations(), c.startsAt(), c.endsAt(), c.imageUrl(), t == null ? c.defaultLocale() : locale,
                    c.thresholds());
        }

        private static String or(String translated, String original) {
            return translated == null || translated.isBlank() ? original : translated;
        }
    }
}
