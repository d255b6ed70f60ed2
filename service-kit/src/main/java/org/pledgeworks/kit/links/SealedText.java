package org.pledgeworks.kit.links;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A short text (a link that grants something: accept a staff invitation, reset a password) sealed with
 * AES-256-GCM so that it can travel in an event without being readable by everyone who can read the topic
 * or its dead letters: only a service holding {@code PLEDGEWORKS_TOKEN_SECRET} opens it, and a changed byte
 * makes it unopenable rather than a different link. Format {@code v1.<base64url(nonce ‖ ciphertext ‖ tag)>}.
 *
 * <p>The key is derived from the shared secret by HMAC with a fixed label, so it is never the key that signs
 * links ({@link SignedLinks}) and the two cannot be confused.
 */
public final class SealedText {

    private static final String PREFIX = "v1.";

    private static final int NONCE_BYTES = 12;

    private static final int TAG_BITS = 128;

    private static final SecureRandom random = new SecureRandom();

    private final SecretKeySpec key;

    /** @param secret the shared secret ({@code PLEDGEWORKS_TOKEN_SECRET}); must not be blank */
    public SealedText(String secret) {
        if (secret == null || secret.isBlank()) {
            // a random key would seal what no other process can open: fail at start, not at the first mail
            throw new IllegalArgumentException("SealedText needs PLEDGEWORKS_TOKEN_SECRET");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal("pledgeworks sealed text v1".getBytes(StandardCharsets.UTF_8)),
                    "AES");
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public String seal(String text) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The text, or empty when {@code sealed} was not sealed with this secret or was changed on the way. */
    public Optional<String> open(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
            if (bytes.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return Optional.of(new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                    StandardCharsets.UTF_8));
        }
        catch (IllegalArgumentException | GeneralSecurityException ex) {
            return Optional.empty();
        }
    }
}
