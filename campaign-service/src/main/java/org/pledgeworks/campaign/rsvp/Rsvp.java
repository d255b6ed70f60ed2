package org.pledgeworks.campaign.rsvp;

import java.time.Instant;
import java.util.Locale;

import org.pledgeworks.campaign.system.PersonKeys;

/**
 * One person's RSVP to one calendar event, as stored ({@link RsvpRepository} alone maps it). Its id is a
 * hash of the event and the normalised address, so the same person answering twice finds the same RSVP
 * (a race of the two meets on the unique {@code _id}), and a link naming it carries no personal data.
 *
 * @param requestedAt when the last confirmation mail was asked for: a repeat before {@code resendAfter}
 *                    sends none, and the pending RSVP is purged once that mail's link has expired
 * @param confirmedAt the waiting list's order
 * @param revision    counts the writes, so a change writes only over the state it was computed from
 */
record Rsvp(String id, String calendarEventId, String campaignId, Status status, String name, String email,
        String emailHash, String locale, String consentWording, Instant requestedAt, Instant confirmedAt,
        Instant cancelledAt, long revision) {

    /** Pending until confirmed; then going or waiting (for a seat); cancelled by the person. */
    enum Status {
        PENDING, GOING, WAITING, CANCELLED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static String idFor(String calendarEventId, String email) {
        return PersonKeys.idFor("r-", calendarEventId, email);
    }

    static Rsvp pending(String calendarEventId, String campaignId, String name, String email, String locale,
            String consentWording, Instant now) {
        return new Rsvp(idFor(calendarEventId, email), calendarEventId, campaignId, Status.PENDING, name, email,
                PersonKeys.emailHash(email), locale, consentWording, now, null, null, 0);
    }

    /** Asked again while pending, or after cancelling: what was typed this time counts, and a mail goes. */
    Rsvp requestedAgain(String newName, String newEmail, String newLocale, String newConsentWording, Instant now) {
        return new Rsvp(id, calendarEventId, campaignId, Status.PENDING, newName, newEmail, emailHash, newLocale,
                newConsentWording, now, null, null, revision);
    }
}
