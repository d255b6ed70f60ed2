package org.pledgeworks.notification.interest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;
import org.pledgeworks.notification.mail.Links;

/**
 * {@code opportunity-interest-requested.v1}: only what the confirmation mail needs; the contract
 * (contracts/campaigns/opportunity-interest-requested.v1.schema.json) has more.
 *
 * @param organisation the posting organisation the person agreed may contact them
 * @param email        as the person typed it: the mail goes there
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OpportunityInterestRequested(
        UUID eventId,
        Instant occurredAt,
        String interestId,
        String opportunityTitle,
        String campaignTitle,
        String organisation,
        String name,
        String email,
        String locale,
        String confirmUrl,
        Instant confirmExpiresAt,
        String withdrawUrl) implements IncomingEvent {

    static final String TYPE = "opportunity-interest-requested.v1";

    /** Both links go into an {@code href}: only absolute http(s) URLs may. */
    @Override
    public void validate() {
        Links.requireHttp(TYPE, "confirmUrl", confirmUrl);
        Links.requireHttp(TYPE, "withdrawUrl", withdrawUrl);
    }
}
