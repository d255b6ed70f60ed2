package org.pledgeworks.campaign.organisations;

import java.util.List;

import org.pledgeworks.campaign.organisations.Organisation.Profile;
import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds the profiles of the demo campaign's owner and partner on first start, so that a newcomer's
 * directory is not empty and the demo campaign's organisations have pages. Their ids are fixed, so the
 * seeding is idempotent across restarts and instances: a second insert finds the id taken.
 */
@Component
class DemoOrganisations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisations.class);

    private final Organisations organisations;
    private final boolean enabled;

    DemoOrganisations(Organisations organisations, CampaignServiceProperties properties) {
        this.organisations = organisations;
        this.enabled = properties.demo().enabled();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        seed("fair-supply-coalition", new Profile("Fair Supply Coalition",
                "Charities, unions and retailers working for supply chains free of forced labour.", null, null, null,
                List.of(), OrganisationKind.NGO));
        seed("workers-voice", new Profile("Workers' Voice",
                "Workers' organisations that check what brands say about their factories.", null, null, null,
                List.of(), OrganisationKind.NGO));
    }

    private void seed(String id, Profile profile) {
        if (organisations.seed(id, profile)) {
            log.info("Seeded the demo organisation '{}'", id);
        }
    }
}
