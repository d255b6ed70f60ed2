package org.pledgeworks.kit.links;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signed, expiring links the services mail (confirm a signature or an interest, withdraw, see or
 * erase one's data): {@code <subject>.<expiry epoch seconds>.<HMAC-SHA256>}, each part base64url. The
 * subject is an id (random or a hash), so a link carries no personal data, and nothing is stored to
 * check it. A purpose ({@code "interest-confirm"}, {@code "withdraw"}, …) is signed with the payload, so
 * a link made for one purpose never works for another; the original verification links were signed
 * without one, and {@link #create(String, String, Instant, Duration)} still makes (and checks) those, so
 * links already in people's inboxes keep working.
 */
public final class SignedLinks {

    private static final Logger log = LoggerFactory.getLogger(SignedLinks.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final URI baseUrl;

    /**
     * @param secret  the HMAC key ({@code PLEDGEWORKS_TOKEN_SECRET}); blank: a random one, so links die
     *                with the process (logged, because only tests should run so)
     * @param baseUrl the public address the links start with
     */
    public SignedLinks(String secret, String baseUrl) {
        if (secret == null || secret.isBlank()) {
            log.warn("No PLEDGEWORKS_TOKEN_SECRET set: using a random key, so mailed links will not survive a "
                    + "restart. The launcher sets one; set it in production.");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = B64.encodeToString(random);
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    /** A link for {@code purpose} to {@code <base>/<path><token>}, valid for {@code validFor} from {@code now}. */
    public Link create(String purpose, String path, String subject, Instant now, Duration validFor) {
        return make(purpose + "|", path, subject, now, validFor);
    }

    /** A link signed without a purpose: pledge-service's verification links, as they have always been made. */
    public Link create(String path, String subject, Instant now, Duration validFor) {
        return make("", path, subject, now, validFor);
    }

    /** Checks a token made by {@link #create(String, String, String, Instant, Duration)} for that purpose. */
    public Check check(String purpose, String token, Instant now) {
        return verify(purpose + "|", token, now);
    }

    /** Checks a token made without a purpose. */
    public Check check(String token, Instant now) {
        return verify("", token, now);
    }

    private Link make(String signedPrefix, String path, String subject, Instant now, Duration validFor) {
        Instant expiresAt = now.plus(validFor).truncatedTo(ChronoUnit.SECONDS);
        String payload = B64.encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "." + expiresAt.getEpochSecond();
        String token = payload + "." + B64.encodeToString(mac(signedPrefix + payload));
        return new Link(baseUrl.resolve(path + token), expiresAt);
    }

    private Check verify(String signedPrefix, String token, Instant now) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Check.INVALID;
        }
        try {
            byte[] given = B64D.decode(parts[2]);
            long expiry = Long.parseLong(parts[1]);
            String subject = new String(B64D.decode(parts[0]), StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(mac(signedPrefix + parts[0] + "." + parts[1]), given)) {
                return Check.INVALID;
            }
            return new Check(now.getEpochSecond() > expiry ? Outcome.EXPIRED : Outcome.VALID, Optional.of(subject));
        }
        catch (IllegalArgumentException e) {
            return Check.INVALID;
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public record Link(URI url, Instant expiresAt) {
    }

    public enum Outcome {
        VALID, EXPIRED, INVALID
    }

    /** @param subject what the link was made for; empty only when the token is {@link Outcome#INVALID} */
    public record Check(Outcome outcome, Optional<String> subject) {

        static final Check INVALID = new Check(Outcome.INVALID, Optional.empty());
    }
}
