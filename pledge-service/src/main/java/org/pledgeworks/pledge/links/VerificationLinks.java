package org.pledgeworks.pledge.links;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.pledgeworks.pledge.system.PledgeServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Signed, expiring verification links: {@code <signatureId>.<expiry epoch seconds>.<HMAC-SHA256>},
 * base64url. The signature id is random, so the link carries no personal data, and nothing needs to
 * be stored to check it.
 */
@Component
public class VerificationLinks {

    private static final Logger log = LoggerFactory.getLogger(VerificationLinks.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration validity;
    private final URI baseUrl;

    VerificationLinks(PledgeServiceProperties properties) {
        String secret = properties.verification().secret();
        if (secret.isBlank()) {
            log.warn("No PLEDGEWORKS_TOKEN_SECRET set: using a random key, so verification links will not "
                    + "survive a restart. The launcher sets one; set it in production.");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = B64.encodeToString(random);
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.validity = properties.verification().validity();
        String base = properties.publicBaseUrl().toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
    }

    public VerificationLink create(String signatureId, Instant now) {
        Instant expiresAt = now.plus(validity).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String payload = B64.encodeToString(signatureId.getBytes(StandardCharsets.UTF_8)) + "."
                + expiresAt.getEpochSecond();
        String token = payload + "." + B64.encodeToString(mac(payload));
        return new VerificationLink(baseUrl.resolve("verify/" + token), expiresAt);
    }

    /**
     * A signed link for another purpose than verification (withdraw, export, erase): the purpose is
     * part of what is signed, so a link for one purpose never works for another.
     */
    public VerificationLink create(String purpose, String path, String subject, Instant now, Duration validFor) {
        Instant expiresAt = now.plus(validFor).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String payload = B64.encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "." + expiresAt.getEpochSecond();
        String token = payload + "." + B64.encodeToString(mac(purpose + "|" + payload));
        return new VerificationLink(baseUrl.resolve(path + token), expiresAt);
    }

    /** Checks a token made by {@link #create(String, String, String, Instant, Duration)} for that purpose. */
    public Check check(String purpose, String token, Instant now) {
        return check(token, now, payload -> mac(purpose + "|" + payload));
    }

    /** Checks a token's signature and expiry. */
    public Check check(String token, Instant now) {
        return check(token, now, this::mac);
    }

    private Check check(String token, Instant now, java.util.function.Function<String, byte[]> macOf) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Check.INVALID;
        }
        String payload = parts[0] + "." + parts[1];
        byte[] given;
        long expiry;
        String signatureId;
        try {
            given = B64D.decode(parts[2]);
            expiry = Long.parseLong(parts[1]);
            signatureId = new String(B64D.decode(parts[0]), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            return Check.INVALID;
        }
        if (!MessageDigest.isEqual(macOf.apply(payload), given)) {
            return Check.INVALID;
        }
        if (now.getEpochSecond() > expiry) {
            return new Check(Outcome.EXPIRED, Optional.of(signatureId));
        }
        return new Check(Outcome.VALID, Optional.of(signatureId));
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

    public record VerificationLink(URI url, Instant expiresAt) {
    }

    public enum Outcome {
        VALID, EXPIRED, INVALID
    }

    public record Check(Outcome outcome, Optional<String> signatureId) {

        static final Check INVALID = new Check(Outcome.INVALID, Optional.empty());
    }
}
