package org.pledgeworks.campaign.opportunities;

import static org.pledgeworks.campaign.system.HttpCaching.PUBLIC_MINUTE;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledgeworks.campaign.campaigns.Campaign;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public read side: a campaign's published opportunities, filtered and paged, and one by id. */
@RestController
class OpportunityController {

    private final Opportunities opportunities;

    OpportunityController(Opportunities opportunities) {
        this.opportunities = opportunities;
    }

    /**
     * @param remote true: can be done remotely (remote only or hybrid); false: only in person
     * @param city   matched whole and regardless of case
     */
    @GetMapping("/api/campaigns/{slug}/opportunities")
    ResponseEntity<OpportunityPage> list(@PathVariable String slug,
            @RequestParam(required = false)
            @Pattern(regexp = "^[A-Za-z]{2}$", message = "must be an ISO 3166 country code such as DE") String country,
            @RequestParam(required = false) @Size(min = 1, max = 100) String city,
            @RequestParam(required = false) Boolean remote,
            @RequestParam(required = false) @Size(min = 1, max = 60) String skill,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Campaign campaign = opportunities.publicCampaign(slug);
        OpportunityFilter filter = new OpportunityFilter(country, city, remote, skill);
        List<OpportunityView> items = opportunities.published(campaign, filter, page, size).stream()
                .map(o -> opportunities.view(o, campaign)).toList();
        return ResponseEntity.ok().cacheControl(PUBLIC_MINUTE)
                .body(new OpportunityPage(items, page, size, opportunities.countPublished(campaign, filter)));
    }

    @GetMapping("/api/opportunities/{opportunityId}")
    ResponseEntity<OpportunityView> one(@PathVariable @Size(max = 64) String opportunityId) {
        return ResponseEntity.ok().cacheControl(PUBLIC_MINUTE).body(opportunities.publicView(opportunityId));
    }

    record OpportunityPage(List<OpportunityView> items, int page, int size, long total) {
    }
}
