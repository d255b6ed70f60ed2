package org.pledgeworks.campaign.interest;

import java.time.Instant;
import java.util.Locale;

import org.pledgeworks.campaign.system.PersonKeys;

/**
 * One person's interest in one opportunity, as stored ({@link InterestRepository} alone maps it). Its id is
 * a hash of the opportunity and the normalised address, so the same person expressing interest twice finds
 * the same interest (and a race of the two meets on the unique {@code _id}), and a link naming it carries
 * no personal data.
 *
 * @param emailHash SHA-256 of the normalised address, which is what {@code signer-erased} names a person by
 * @param revision  counts the writes, so a change writes only over the state it was computed from
 */
record Interest(String id, String opportunityId, String campaignId, String postingOrganisation, Status status,
        String name, String email, String emailHash, String message, String locale, Consent consent,
        Instant expressedAt, Instant confirmedAt, Instant statusChangedAt, String statusChangedBy, long revision) {

    /** Pending until the person confirms by the mailed link; then what staff make of it. */
    enum Status {
        PENDING, NEW, CONTACTED, PLACED, DECLINED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status ofWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * The consent to be contacted by the posting organisation, as given: the very words shown beside the
     * box, their version, and when.
     */
    record Consent(String wording, String version, Instant givenAt) {
    }

    static String idFor(String opportunityId, String email) {
        return PersonKeys.idFor("i-", opportunityId, email);
    }

    static String emailHash(String email) {
        return PersonKeys.emailHash(email);
    }

    static Interest pending(String opportunityId, String campaignId, String postingOrganisation, String name,
            String email, String message, String locale, Consent consent, Instant now) {
        return new Interest(idFor(opportunityId, email), opportunityId, campaignId, postingOrganisation,
                Status.PENDING, name, email, emailHash(email), message, locale, consent, now, null, null, null, 0);
    }

    /** Expressed again while pending: what was typed this time counts, and the mail goes again. */
    Interest expressedAgain(String newName, String newEmail, String newMessage, String newLocale, Consent newConsent,
            Instant now) {
        return new Interest(id, opportunityId, campaignId, postingOrganisation, status, newName, newEmail, emailHash,
                newMessage, newLocale, newConsent, now, confirmedAt, statusChangedAt, statusChangedBy, revision);
    }

    boolean confirmed() {
        return status != Status.PENDING;
    }
}
