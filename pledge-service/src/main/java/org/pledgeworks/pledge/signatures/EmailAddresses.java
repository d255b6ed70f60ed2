package org.pledgeworks.pledge.signatures;

import org.pledgeworks.kit.email.EmailIdentity;

/**
 * Identity of an email address for "one signature per person": case, and the aliases a mailbox
 * provider is known to deliver to one inbox, do not make a second signer. Mail still goes to the
 * address as typed.
 */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    /** The identity notification-service keys its recipients by too ({@link EmailIdentity}). */
    public static String normalise(String email) {
        return EmailIdentity.normalise(email);
    }

    /** The part after the @, for per-domain limits and statistics that need no address. */
    public static String domain(String normalisedEmail) {
        return normalisedEmail.substring(normalisedEmail.lastIndexOf('@') + 1);
    }
}
