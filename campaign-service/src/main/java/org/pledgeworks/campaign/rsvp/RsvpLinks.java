package org.pledgeworks.campaign.rsvp;

import java.time.Instant;

import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.pledgeworks.campaign.system.OptInLinks;
import org.pledgeworks.kit.links.SignedLinks.Link;

import org.springframework.stereotype.Component;

/** The confirm and cancel links of the RSVP mails ({@link OptInLinks}); the cancel link is in every one. */
@Component
class RsvpLinks extends OptInLinks {

    static final String CONFIRM = "rsvp-confirm";
    static final String CANCEL = "rsvp-cancel";
    static final String CONFIRM_PATH = "api/events/rsvps/confirm/";
    static final String CANCEL_PATH = "api/events/rsvps/cancel/";

    RsvpLinks(CampaignServiceProperties properties) {
        super(properties, CONFIRM, CONFIRM_PATH, CANCEL, CANCEL_PATH);
    }

    Link cancel(String rsvpId, Instant now) {
        return takeBack(rsvpId, now);
    }
}
