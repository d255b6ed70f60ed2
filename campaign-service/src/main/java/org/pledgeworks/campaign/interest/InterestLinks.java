package org.pledgeworks.campaign.interest;

import java.time.Instant;

import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.pledgeworks.campaign.system.OptInLinks;
import org.pledgeworks.kit.links.SignedLinks.Link;

import org.springframework.stereotype.Component;

/** The confirm and withdraw links of the interest mail ({@link OptInLinks}). */
@Component
class InterestLinks extends OptInLinks {

    static final String CONFIRM = "interest-confirm";
    static final String WITHDRAW = "interest-withdraw";
    static final String CONFIRM_PATH = "api/opportunities/interest/confirm/";
    static final String WITHDRAW_PATH = "api/opportunities/interest/withdraw/";

    InterestLinks(CampaignServiceProperties properties) {
        super(properties, CONFIRM, CONFIRM_PATH, WITHDRAW, WITHDRAW_PATH);
    }

    Link withdraw(String interestId, Instant now) {
        return takeBack(interestId, now);
    }
}
