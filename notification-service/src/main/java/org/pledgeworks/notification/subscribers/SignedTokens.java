package org.pledgeworks.notification.subscribers;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.pledgeworks.notification.system.Secrets;

import org.springframework.stereotype.Component;

/**
 * Opaque signed tokens for the links this service owns: {@code base64url(fields) "." base64url(mac)},
 * fields joined by {@code |} with the purpose and an expiry (epoch seconds, 0 = never) first. The
 * fields are ids (keyed hashes, campaign and message ids), never an address.
 */
@Component
public class SignedTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final Clock clock;

    SignedTokens(Secrets secrets, Clock clock) {
        this.key = secrets.derive("link-tokens");
        this.clock = clock;
    }

    public String sign(String purpose, Instant expiresAt, String... fields) {
        StringBuilder payload = new StringBuilder(purpose).append('|')
                .append(expiresAt == null ? 0 : expiresAt.getEpochSecond());
        for (String field : fields) {
            if (field.indexOf('|') >= 0) {
                throw new IllegalArgumentException("a token field may not contain |");
            }
            payload.append('|').append(field);
        }
        byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The fields after purpose and expiry, when the token is ours, for this purpose and not expired. */
    public Optional<List<String>> verify(String purpose, String token) {
        if (token == null || token.length() > 1024) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            mac = DECODER.decode(token.substring(dot + 1));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac, mac(payload))) {
            return Optional.empty();
        }
        List<String> parts = Arrays.asList(new String(payload, StandardCharsets.UTF_8).split("\\|", -1));
        if (parts.size() < 2 || !parts.get(0).equals(purpose)) {
            return Optional.empty();
        }
        long expires;
        try {
            expires = Long.parseLong(parts.get(1));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (expires != 0 && clock.instant().getEpochSecond() >= expires) {
            return Optional.empty();
        }
        return Optional.of(parts.subList(2, parts.size()));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), 16);
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
