package org.pledgeworks.pledge.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.pledgeworks.pledge.counting.Counters;
import org.pledgeworks.pledge.links.SignerLinks;
import org.pledgeworks.pledge.links.VerificationLinks;
import org.pledgeworks.pledge.signatures.Signature;
import org.pledgeworks.pledge.signatures.Signatures;

import org.springframework.stereotype.Service;

/**
 * Turns a valid link into a verified signature, once, however often it is confirmed; {@link #check}
 * tells what confirming would show without changing anything.
 */
@Service
public class PledgeVerification {

    private final VerificationLinks links;
    private final SignerLinks signerLinks;
    private final Signatures signatures;
    private final Counters counters;
    private final Clock clock;

    PledgeVerification(VerificationLinks links, SignerLinks signerLinks, Signatures signatures, Counters counters,
            Clock clock) {
        this.links = links;
        this.signerLinks = signerLinks;
        this.signatures = signatures;
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * What the link leads to, read only: {@link VerificationResult#READY} for a pending signature and a
     * valid link, otherwise the page confirming would show anyway.
     */
    public VerificationResult check(String token) {
        VerificationLinks.Check check = links.check(token, clock.instant());
        if (check.outcome() == VerificationLinks.Outcome.INVALID) {
            return VerificationResult.INVALID;
        }
        return settled(signatures.byId(check.signatureId().orElseThrow()),
                check.outcome() == VerificationLinks.Outcome.VALID);
    }

    public VerificationResult verify(String token) {
        Instant now = clock.instant();
        VerificationLinks.Check check = links.check(token, now);
        if (check.outcome() == VerificationLinks.Outcome.INVALID) {
            return VerificationResult.INVALID;
        }
        String signatureId = check.signatureId().orElseThrow();
        if (check.outcome() == VerificationLinks.Outcome.VALID) {
            Optional<Signature> verified = signatures.change(signatureId,
                    signature -> signature.verify(now, signerLinks.withdraw(signatureId, now)));
            if (verified.isPresent()) {
                counters.settle(verified.get());
                return VerificationResult.VERIFIED;
            }
        }
        // Not changed: already verified (a second confirmation), withdrawn, expired or gone.
        return settled(signatures.byId(signatureId), false);
    }

    /** @param confirmable whether a pending signature may still be confirmed by this link */
    private static VerificationResult settled(Optional<Signature> signature, boolean confirmable) {
        return signature.map(s -> switch (s.status()) {
            // an already verified signature shows success even past expiry: the person did confirm in time
            case VERIFIED -> VerificationResult.VERIFIED;
            case WITHDRAWN -> VerificationResult.WITHDRAWN;
            case PENDING -> confirmable ? VerificationResult.READY : VerificationResult.EXPIRED;
        }).orElse(VerificationResult.UNKNOWN);
    }
}
