package org.pledgeworks.notification.subscribers;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.pledgeworks.kit.email.EmailIdentity;
import org.pledgeworks.notification.system.Secrets;

import org.springframework.stereotype.Component;

/**
 * The id of a person here: HMAC-SHA256 of their normalised address (the kit's {@link EmailIdentity},
 * as pledge-service normalises it, so its {@code signer-erased} finds them), hex. Keyed, so the
 * suppression list that outlives an erasure cannot be reversed by hashing guessed addresses without
 * the key.
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
            byte[] identity = EmailIdentity.normalise(email).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(mac.doFinal(identity), 0, 20);
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
