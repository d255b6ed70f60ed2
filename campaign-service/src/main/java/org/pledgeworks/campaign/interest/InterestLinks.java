package org.pledgeworks.campaign.interest;

import java.time.Duration;
import java.time.Instant;

import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.pledgeworks.kit.links.SignedLinks;
import org.pledgeworks.kit.links.SignedLinks.Check;
import org.pledgeworks.kit.links.SignedLinks.Link;

import org.springframework.stereotype.Component;

/**
 * The two signed, expiring links of the interest mail (the kit's {@link SignedLinks}, keyed like
 * pledge-service's by {@code PLEDGEWORKS_TOKEN_SECRET}). Each purpose is signed, so a confirm link never
 * withdraws and the reverse; the subject is the interest's id, a hash, so the link carries no personal data.
 */
@Component
class InterestLinks {

    static final String CONFIRM = "interest-confirm";
    static final String WITHDRAW = "interest-withdraw";
    static final String CONFIRM_PATH = "api/opportunities/interest/confirm/";
    static final String WITHDRAW_PATH = "api/opportunities/interest/withdraw/";

    private final SignedLinks links;
    private final Duration confirmValidity;
    private final Duration withdrawValidity;

    InterestLinks(CampaignServiceProperties properties) {
        this.links = new SignedLinks(properties.links().secret(), properties.publicBaseUrl());
        this.confirmValidity = properties.links().confirmValidity();
        this.withdrawValidity = properties.links().withdrawValidity();
    }

    Link confirm(String interestId, Instant now) {
        return links.create(CONFIRM, CONFIRM_PATH, interestId, now, confirmValidity);
    }

    Link withdraw(String interestId, Instant now) {
        return links.create(WITHDRAW, WITHDRAW_PATH, interestId, now, withdrawValidity);
    }

    Check check(String purpose, String token, Instant now) {
        return links.check(purpose, token, now);
    }
}
