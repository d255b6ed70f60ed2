package org.pledgeworks.pledge.withdrawal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.pledgeworks.pledge.counting.Counters;
import org.pledgeworks.pledge.links.SignerLinks;
import org.pledgeworks.pledge.signatures.Signature;
import org.pledgeworks.pledge.signatures.SignatureStatus;
import org.pledgeworks.pledge.signatures.Signatures;

import org.springframework.stereotype.Service;

/** Withdraws a signature: one write with the count op (-1 if it counted) and the event. */
@Service
class Withdrawal {

    enum Outcome {
        WITHDRAWN, ALREADY_WITHDRAWN, INVALID, UNKNOWN
    }

    private final SignerLinks links;
    private final Signatures signatures;
    private final Counters counters;
    private final Clock clock;

    Withdrawal(SignerLinks links, Signatures signatures, Counters counters, Clock clock) {
        this.links = links;
        this.signatures = signatures;
        this.counters = counters;
        this.clock = clock;
    }

    /** Checks a link without changing anything, for the confirmation page. */
    Outcome check(String token) {
        Optional<String> signatureId = links.check(SignerLinks.WITHDRAW, token, clock.instant());
        if (signatureId.isEmpty()) {
            return Outcome.INVALID;
        }
        return signatures.byId(signatureId.get())
                .map(s -> s.status() == SignatureStatus.WITHDRAWN ? Outcome.ALREADY_WITHDRAWN : Outcome.WITHDRAWN)
                .orElse(Outcome.UNKNOWN);
    }

    Outcome withdraw(String token) {
        Instant now = clock.instant();
        Optional<String> found = links.check(SignerLinks.WITHDRAW, token, now);
        if (found.isEmpty()) {
            return Outcome.INVALID;
        }
        Optional<Signature> withdrawn = signatures.change(found.get(), signature -> signature.withdraw(now));
        if (withdrawn.isPresent()) {
            counters.settle(withdrawn.get());
            return Outcome.WITHDRAWN;
        }
        return signatures.byId(found.get()).isPresent() ? Outcome.ALREADY_WITHDRAWN : Outcome.UNKNOWN;
    }
}
