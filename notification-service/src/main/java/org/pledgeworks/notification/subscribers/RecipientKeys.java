package org.pledgeworks.notification.subscribers;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.pledgeworks.notification.system.Secrets;

import org.springframework.stereotype.Component;

/**
 * The id of a person here: HMAC-SHA256 of their normalised address (normalised as pledge-service
 * does, so its {@code signer-erased} finds them), hex. Keyed, so the suppression list that outlives an
 * erasure cannot be reversed by hashing guessed addresses without the key.
 */
@Component
public class RecipientKeys {

    private final byte[] key;

    RecipientKeys(Secrets secrets) {
        this.key = secrets.derive("recipient-id");
    }

    public String idOf(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(normalise(email).getBytes(StandardCharsets.UTF_8)), 0, 20);
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same identity pledge-service uses: case, "+tags" and Gmail's dots do not make another person. */
    static String normalise(String email) {
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
