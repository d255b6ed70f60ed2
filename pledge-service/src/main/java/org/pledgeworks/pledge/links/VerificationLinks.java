package org.pledgeworks.pledge.links;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.pledgeworks.kit.links.SignedLinks;
import org.pledgeworks.pledge.system.PledgeServiceProperties;

import org.springframework.stereotype.Component;

/**
 * pledge-service's signed links (the kit's {@link SignedLinks} with this service's key, address and
 * validity): verification links ({@code /verify/<signatureId>.<expiry>.<mac>}, signed without a purpose,
 * as they always were) and the purposed ones for withdrawal and a signer's data.
 */
@Component
public class VerificationLinks {

    private final SignedLinks links;
    private final Duration validity;

    VerificationLinks(PledgeServiceProperties properties) {
        this.links = new SignedLinks(properties.verification().secret(), properties.publicBaseUrl().toString());
        this.validity = properties.verification().validity();
    }

    public VerificationLink create(String signatureId, Instant now) {
        return link(links.create("verify/", signatureId, now, validity));
    }

    /**
     * A signed link for another purpose than verification (withdraw, export, erase): the purpose is
     * part of what is signed, so a link for one purpose never works for another.
     */
    public VerificationLink create(String purpose, String path, String subject, Instant now, Duration validFor) {
        return link(links.create(purpose, path, subject, now, validFor));
    }

    /** Checks a token made by {@link #create(String, String, String, Instant, Duration)} for that purpose. */
    public Check check(String purpose, String token, Instant now) {
        return check(links.check(purpose, token, now));
    }

    /** Checks a verification token's signature and expiry. */
    public Check check(String token, Instant now) {
        return check(links.check(token, now));
    }

    private static VerificationLink link(SignedLinks.Link link) {
        return new VerificationLink(link.url(), link.expiresAt());
    }

    private static Check check(SignedLinks.Check check) {
        return new Check(Outcome.valueOf(check.outcome().name()), check.subject());
    }

    public record VerificationLink(URI url, Instant expiresAt) {
    }

    public enum Outcome {
        VALID, EXPIRED, INVALID
    }

    public record Check(Outcome outcome, Optional<String> signatureId) {
    }
}
