package org.pledgeworks.campaign.rsvp;

import java.time.Duration;
import java.time.Instant;

import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.pledgeworks.kit.links.SignedLinks;
import org.pledgeworks.kit.links.SignedLinks.Check;
import org.pledgeworks.kit.links.SignedLinks.Link;

import org.springframework.stereotype.Component;

/**
 * The two signed, expiring links of the RSVP mails, as interest's: the purpose is signed, so a confirm link
 * never cancels and the reverse; the subject is the RSVP's id, a hash. The cancel link is in every mail and
 * works for the links' withdraw validity (a year), well past any event it could cancel.
 */
@Component
class RsvpLinks {

    static final String CONFIRM = "rsvp-confirm";
    static final String CANCEL = "rsvp-cancel";
    static final String CONFIRM_PATH = "api/events/rsvps/confirm/";
    static final String CANCEL_PATH = "api/events/rsvps/cancel/";

    private final SignedLinks links;
    private final Duration confirmValidity;
    private final Duration cancelValidity;

    RsvpLinks(CampaignServiceProperties properties) {
        this.links = new SignedLinks(properties.links().secret(), properties.publicBaseUrl());
        this.confirmValidity = properties.links().confirmValidity();
        this.cancelValidity = properties.links().withdrawValidity();
    }

    Link confirm(String rsvpId, Instant now) {
        return links.create(CONFIRM, CONFIRM_PATH, rsvpId, now, confirmValidity);
    }

    Link cancel(String rsvpId, Instant now) {
        return links.create(CANCEL, CANCEL_PATH, rsvpId, now, cancelValidity);
    }

    Check check(String purpose, String token, Instant now) {
        return links.check(purpose, token, now);
    }
}
