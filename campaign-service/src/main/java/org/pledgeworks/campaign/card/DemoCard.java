package org.pledgeworks.campaign.card;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.pledgeworks.campaign.campaigns.Campaign;
import org.pledgeworks.campaign.campaigns.CampaignAccess;
import org.pledgeworks.campaign.campaigns.CampaignNotFoundException;
import org.pledgeworks.campaign.card.Target.ReplyRequest;
import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A small progress card on the demo campaign (six countries, three indicators in two themes, last year's and
 * this year's assessment), so that a newcomer's first {@code up} shows the grid. Seeded through
 * {@link ProgressCard} once the demo campaign exists: on {@code ApplicationReadyEvent}, which comes after the
 * runner that seeds the campaign. Fixed target ids make it idempotent across restarts and instances; the years
 * come from the clock, so the demo never looks stale.
 */
@Component
class DemoCard {

    /** the demo campaign's slug ({@code campaigns.DemoCampaign}) */
    static final String SLUG = "no-forced-labour";

    private static final Logger log = LoggerFactory.getLogger(DemoCard.class);

    private static final String NOTE = "Example data for the demo, not a real assessment.";

    private static final Framework FRAMEWORK = new Framework(List.of(
            new Framework.Theme("law", "The law", List.of(
                    new Framework.Indicator("crime", "Forced labour is a crime with penalties that fit it",
                            Scale.YES_PARTIAL_NO.wireName),
                    new Framework.Indicator("due-diligence", "Large companies must check their supply chains",
                            Scale.YES_PARTIAL_NO.wireName))),
            new Framework.Theme("enforcement", "Enforcement", List.of(
                    new Framework.Indicator("cases-investigated", "Share of reported cases investigated",
                            Scale.PERCENT.wireName)))));

    /** code, name, then per indicator last year's and this year's value */
    private static final List<List<String>> COUNTRIES = List.of(
            List.of("BR", "Brazil", "yes", "yes", "partial", "partial", "55", "62"),
            List.of("DE", "Germany", "yes", "yes", "partial", "yes", "70", "74"),
            List.of("IN", "India", "partial", "yes", "no", "no", "20", "31"),
            List.of("MY", "Malaysia", "partial", "partial", "no", "partial", "no-data", "38"),
            List.of("GB", "United Kingdom", "yes", "yes", "partial", "partial", "48", "45"),
            List.of("UZ", "Uzbekistan", "no", "partial", "no", "no", "no-data", "no-data"));

    private final ProgressCard card;
    private final CampaignAccess campaigns;
    private final TargetRepository targets;
    private final Clock clock;
    private final boolean enabled;

    DemoCard(ProgressCard card, CampaignAccess campaigns, TargetRepository targets, Clock clock,
            CampaignServiceProperties properties) {
        this.card = card;
        this.campaigns = campaigns;
        this.targets = targets;
        this.clock = clock;
        this.enabled = properties.demo().enabled();
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!enabled) {
            return;
        }
        Campaign campaign;
        try {
            campaign = campaigns.publishedBySlug(SLUG);
        }
        catch (CampaignNotFoundException e) {
            return; // archived, or a staff member took the slug back to draft: no card to add
        }
        if (!targets.forCampaign(campaign.id()).isEmpty()) {
            return;
        }
        try {
            seed(campaign);
            log.info("Seeded the demo campaign's progress card");
        }
        catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another instance is seeding the same targets
        }
    }

    private void seed(Campaign campaign) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int year = Year.now(clock.withZone(ZoneOffset.UTC)).getValue();
        List<String> cycles = List.of(String.valueOf(year - 1), String.valueOf(year));
        List<String> indicators = List.of("crime", "due-diligence", "cases-investigated");
        List<Target> seeded = new ArrayList<>();
        List<TargetAssessment> assessed = new ArrayList<>();
        for (List<String> country : COUNTRIES) {
            String targetId = "t-demo-" + country.get(0).toLowerCase(Locale.ROOT);
            seeded.add(new Target(targetId, campaign.id(), country.get(1), "country", country.get(0), null, now, 0,
                    new TreeMap<>(), List.of()));
            for (int i = 0; i < indicators.size(); i++) {
                for (int c = 0; c < cycles.size(); c++) {
                    String value = country.get(2 + i * 2 + c);
                    Scale scale = Scale.parse(FRAMEWORK.indicator(indicators.get(i)).orElseThrow().scale()).orElseThrow();
                    assessed.add(new TargetAssessment(campaign.id(), targetId, indicators.get(i), cycles.get(c), value,
                            scale.score(value).orElseThrow().value(), "https://example.org/demo-evidence", NOTE,
                            "demo", now));
                }
            }
        }
        Map<String, List<ReplyRequest>> replies = Map.of(
                "t-demo-gb", List.of(new ReplyRequest("r-demo-gb", now.minus(Duration.ofDays(30)), "demo",
                        now.minus(Duration.ofDays(9)), null, now.minus(Duration.ofDays(12)),
                        "We will publish an enforcement plan this year. (Example reply for the demo.)", null)),
                "t-demo-my", List.of(new ReplyRequest("r-demo-my", now.minus(Duration.ofDays(3)), "demo",
                        now.plus(Duration.ofDays(25)), null, null, null, null)));
        card.seed(campaign, FRAMEWORK, seeded, assessed, replies);
    }
}
