package org.pledgeworks.campaign.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.pledgeworks.kit.email.EmailIdentity;

/**
 * How the features that keep a person's address (interest, RSVPs) name that person without it: by a hash
 * of the normalised address, which is what {@code signer-erased} is matched against; and their ids, a hash
 * of what they are about and the address, so the same person twice finds the same document and a link
 * naming it carries no personal data.
 */
public final class PersonKeys {

    private PersonKeys() {
    }

    /** SHA-256 of the normalised address. */
    public static String emailHash(String email) {
        return sha256(EmailIdentity.normalise(email));
    }

    /** {@code prefix} and 40 hex digits of the hash of {@code about} and the normalised address. */
    public static String idFor(String prefix, String about, String email) {
        return prefix + sha256(about + "|" + EmailIdentity.normalise(email)).substring(0, 40);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
