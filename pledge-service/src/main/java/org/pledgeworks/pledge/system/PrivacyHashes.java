package org.pledgeworks.pledge.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) of what must be recognisable but not readable: client IPs (abuse limits,
 * the consent record) and normalised addresses (the Kafka key of a signer's privacy events). Without
 * the key a hash cannot be reversed by trying every IPv4 address.
 */
@Component
public class PrivacyHashes {

    private final SecretKeySpec key;

    PrivacyHashes(PledgeServiceProperties properties) {
        String configured = properties.privacy().hashKey();
        byte[] material;
        if (!configured.isBlank()) {
            material = configured.getBytes(StandardCharsets.UTF_8);
        }
        else if (!properties.verification().secret().isBlank()) {
            // derived, so that one secret (the launcher's) is enough, yet the two keys differ
            material = hmac(new SecretKeySpec(properties.verification().secret().getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"), "pledgeworks-privacy-hash-key");
        }
        else {
            material = new byte[32];
            new SecureRandom().nextBytes(material);
        }
        this.key = new SecretKeySpec(material, "HmacSHA256");
    }

    public String ipHash(String ip) {
        return "ip_" + HexFormat.of().formatHex(hmac(key, "ip|" + ip), 0, 16);
    }

    public String emailHash(String normalisedEmail) {
        return "em_" + HexFormat.of().formatHex(hmac(key, "email|" + normalisedEmail), 0, 16);
    }

    /**
     * The signer's referral code for a campaign: keyed, so it names no one to whoever reads a shared link,
     * and derived, so the same person gets the same code each time they sign and nothing has to be stored.
     */
    public String referralCode(String campaignId, String normalisedEmail) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(java.util.Arrays.copyOf(hmac(key, "referral|" + campaignId + "|" + normalisedEmail), 8));
    }

    /**
     * The client's address: the first hop of {@code X-Forwarded-For}, which the gateway sets, else the
     * peer address. Only its hash is ever kept.
     */
    public String clientIpHash(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String ip = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip()
                : request.getRemoteAddr();
        return ipHash(ip);
    }

    private static byte[] hmac(SecretKeySpec key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
