package org.pledgeworks.notification.system;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The service's one secret (PLEDGEWORKS_TOKEN_SECRET), and a key per purpose derived from it, so a
 * token signed for one purpose (unsubscribe) is worthless for another (recipient ids, follow links).
 */
@Component
public class Secrets {

    private static final Logger log = LoggerFactory.getLogger(Secrets.class);

    private final byte[] secret;

    Secrets(NotificationServiceProperties properties) {
        String configured = properties.tokens().secret();
        if (configured == null || configured.isBlank()) {
            log.warn("No PLEDGEWORKS_TOKEN_SECRET: a random one for this run; links in mail die with the process");
            this.secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        }
        else {
            this.secret = configured.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** HMAC-SHA256(secret, purpose): a 32-byte key for one purpose. */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
