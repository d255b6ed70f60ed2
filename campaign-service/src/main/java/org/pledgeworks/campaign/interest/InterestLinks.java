package org.pledgeworks.campaign.interest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The signed, expiring links of the interest mail, made as pledge-service makes its own:
 * {@code <interest id>.<expiry epoch seconds>.<HMAC-SHA256 of purpose|payload>}, base64url. The purpose is
 * signed, so a confirm link never withdraws and the reverse; the interest id is a hash, so the link
 * carries no personal data, and nothing is stored to check it.
 */
@Component
class InterestLinks {

    static final String CONFIRM = "interest-confirm";
    static final String WITHDRAW = "interest-withdraw";
    static final String CONFIRM_PATH = "api/opportunities/interest/confirm/";
    static final String WITHDRAW_PATH = "api/opportunities/interest/withdraw/";

    private static final Logger log = LoggerFactory.getLogger(InterestLinks.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final URI baseUrl;
    private final Duration confirmValidity;
    private final Duration withdrawValidity;

    InterestLinks(CampaignServiceProperties properties) {
        String secret = properties.links().secret();
        if (secret.isBlank()) {
            log.warn("No PLEDGEWORKS_TOKEN_SECRET set: using a random key, so interest links will not survive a "
                    + "restart. The launcher sets one; set it in production.");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = B64.encodeToString(random);
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        String base = properties.publicBaseUrl();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.confirmValidity = properties.links().confirmValidity();
        this.withdrawValidity = properties.links().withdrawValidity();
    }

    record Link(URI url, Instant expiresAt) {
    }

    Link confirm(String interestId, Instant now) {
        return create(CONFIRM, CONFIRM_PATH, interestId, now, confirmValidity);
    }

    Link withdraw(String interestId, Instant now) {
        return create(WITHDRAW, WITHDRAW_PATH, interestId, now, withdrawValidity);
    }

    enum Outcome { VALID, EXPIRED, INVALID }

    record Check(Outcome outcome, String interestId) {
    }

    Check check(String purpose, String token, Instant now) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return new Check(Outcome.INVALID, null);
        }
        String payload = parts[0] + "." + parts[1];
        try {
            byte[] given = B64D.decode(parts[2]);
            long expiry = Long.parseLong(parts[1]);
            String interestId = new String(B64D.decode(parts[0]), StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(mac(purpose + "|" + payload), given)) {
                return new Check(Outcome.INVALID, null);
            }
            return new Check(now.getEpochSecond() > expiry ? Outcome.EXPIRED : Outcome.VALID, interestId);
        }
        catch (IllegalArgumentException e) {
            return new Check(Outcome.INVALID, null);
        }
    }

    private Link create(String purpose, String path, String interestId, Instant now, Duration validFor) {
        Instant expiresAt = now.plus(validFor).truncatedTo(ChronoUnit.SECONDS);
        String payload = B64.encodeToString(interestId.getBytes(StandardCharsets.UTF_8)) + "."
                + expiresAt.getEpochSecond();
        return new Link(baseUrl.resolve(path + payload + "." + B64.encodeToString(mac(purpose + "|" + payload))),
                expiresAt);
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
}
