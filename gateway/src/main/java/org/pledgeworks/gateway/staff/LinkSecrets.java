package org.pledgeworks.gateway.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tokens of invitation links: {@code <invitation id>.<secret>}, the secret 256 random bits. The id
 * finds the invitation (so an expired, used or revoked link can say so), the secret proves the link is the
 * current one; only its SHA-256 is stored, compared in constant time.
 */
final class LinkSecrets {

    private static final SecureRandom random = new SecureRandom();

    private static final Pattern TOKEN = Pattern.compile("(inv-[A-Za-z0-9_-]{8,40})\\.([A-Za-z0-9_-]{43})");

    private LinkSecrets() {
    }

    record Parsed(String id, String secret) {
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String newInvitationId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "inv-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String token(String id, String secret) {
        return id + "." + secret;
    }

    /** Empty for anything that is not a token's shape (too long, other characters): a bad link. */
    static Optional<Parsed> parse(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        var matcher = TOKEN.matcher(token);
        return matcher.matches() ? Optional.of(new Parsed(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    static String hash(String secret) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }

    static boolean matches(String secret, String storedHash) {
        return storedHash != null && MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
