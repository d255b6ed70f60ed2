package org.pledgeworks.campaign.interest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code opportunity-interest-digest-due.v1} on {@code opportunity-interests}, keyed by the opportunity: the
 * people who confirmed interest since the last digest, for the posting organisation to contact (they agreed to
 * exactly that). At most one an hour per opportunity; notification-service mails it to {@code to}.
 *
 * @param since     the end of the previous digest's window; null for the opportunity's first
 * @param until     the end of this one: whoever confirmed in ({@code since}, {@code until}] is in it
 * @param to        the opportunity's contact address, else the organisation profile's
 * @param total     how many confirmed in the window; {@code people} lists at most {@link InterestDigests#MOST_LISTED}
 * @param consoleUrl the staff console, where staff see everyone interested (list, status, export)
 */
record OpportunityInterestDigestDue(UUID eventId, Instant occurredAt, String opportunityId, String opportunityTitle,
        String campaignId, String campaignSlug, String campaignTitle, String organisation, String to, String locale,
        Instant since, Instant until, int total, List<Person> people, URI consoleUrl) {

    static final String TYPE = "opportunity-interest-digest-due.v1";

    /** One person as they gave their consent to be contacted: name, address as typed, optional message. */
    record Person(String interestId, String name, String email, String message, Instant confirmedAt) {
    }
}
