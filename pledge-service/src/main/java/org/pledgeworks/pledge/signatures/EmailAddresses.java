package org.pledgeworks.pledge.signatures;

import java.util.Locale;

/**
 * Identity of an email address for "one signature per person": case, and the aliases a mailbox
 * provider is known to deliver to one inbox, do not make a second signer. Mail still goes to the
 * address as typed.
 */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static String normalise(String email) {
        String trimmed = email.trim().toLowerCase(Locale.ROOT);
        int at = trimmed.lastIndexOf('@');
        if (at < 1) {
            return trimmed;
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1);
        if (domain.equals("googlemail.com")) {
            domain = "gmail.com";
        }
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("gmail.com")) {
            local = local.replace(".", "");
        }
        return local + "@" + domain;
    }

    /** The part after the @, for per-domain limits and statistics that need no address. */
    public static String domain(String normalisedEmail) {
        return normalisedEmail.substring(normalisedEmail.lastIndexOf('@') + 1);
    }
}
