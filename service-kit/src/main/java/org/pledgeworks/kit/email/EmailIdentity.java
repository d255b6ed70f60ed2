package org.pledgeworks.kit.email;

import java.util.Locale;

/**
 * When two email addresses are one person: case, "+tags", {@code googlemail.com} and Gmail's dots do
 * not make another. pledge-service counts one signature per person by it and notification-service keys
 * its recipients by it, and {@code signer-erased} only finds a person in notification-service if both
 * normalise alike: a rule of the wire between them, so it is written once. Mail still goes to the
 * address as typed.
 */
public final class EmailIdentity {

    private EmailIdentity() {
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
}
