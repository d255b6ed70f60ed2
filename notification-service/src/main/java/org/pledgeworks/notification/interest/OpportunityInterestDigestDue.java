package org.pledgeworks.notification.interest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;
import org.pledgeworks.kit.events.MalformedEventException;
import org.pledgeworks.notification.mail.Links;

/**
 * {@code opportunity-interest-digest-due.v1}: only what the digest mail needs; the contract
 * (contracts/campaigns/opportunity-interest-digest-due.v1.schema.json) has more.
 *
 * @param organisation the posting organisation, whom the people listed agreed may contact them
 * @param to           the opportunity's contact address, else the organisation profile's
 * @param total        how many confirmed in the window; {@code people} may list fewer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OpportunityInterestDigestDue(
        UUID eventId,
        Instant occurredAt,
        String opportunityId,
        String opportunityTitle,
        String campaignTitle,
        String organisation,
        String to,
        String locale,
        int total,
        List<Person> people,
        String consoleUrl) implements IncomingEvent {

    static final String TYPE = "opportunity-interest-digest-due.v1";

    /** @param message null when the person wrote none */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Person(String name, String email, String message) {
    }

    /** The console link goes into an {@code href}; a digest of nobody is not a mail. */
    @Override
    public void validate() {
        Links.requireHttp(TYPE, "consoleUrl", consoleUrl);
        if (people == null || people.isEmpty()) {
            throw new MalformedEventException(TYPE + " without people");
        }
    }
}
