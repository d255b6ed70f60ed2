package org.pledgeworks.campaign.campaigns;

import java.util.List;
import java.util.Map;

import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds one open campaign on first start, so that a newcomer's first {@code up} has something to
 * sign. A fixed id makes the seeding idempotent across restarts and instances.
 */
@Component
class DemoCampaign implements ApplicationRunner {

    static final String ID = "c-demo-forced-labour";
    static final String SLUG = "no-forced-labour";
    static final String OWNER = "fair-supply-coalition";
    static final String PARTNER = "workers-voice";

    private static final Logger log = LoggerFactory.getLogger(DemoCampaign.class);

    private final CampaignCatalogue catalogue;
    private final boolean enabled;

    DemoCampaign(CampaignCatalogue catalogue, CampaignServiceProperties properties) {
        this.catalogue = catalogue;
        this.enabled = properties.demo().enabled();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && catalogue.createOpen(campaign())) {
            log.info("Seeded the demo campaign '{}'", SLUG);
        }
    }

    static Campaign campaign() {
        return new Campaign(ID, SLUG,
                "Buy only goods made without forced labour",
                "Around 28 million people are in forced labour, many of them making things we buy. "
                        + "Pledge to choose goods made without it, and to ask brands to prove it.",
                "Forced labour hides in long supply chains. **Brands can find it** when they look, and they "
                        + "look when their customers ask.",
                "I pledge to buy only goods made without forced labour, and to ask the brands I buy from "
                        + "to show me how they know.",
                1, "en", Map.of(), 10_000, OWNER, List.of(PARTNER), CampaignStatus.OPEN, null, null, null, null, 0);
    }
}
