package org.pledgeworks.pledge.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.pledgeworks.pledge.counting.CountOps;
import org.pledgeworks.pledge.counting.Counters;
import org.pledgeworks.kit.outbox.EventSerializer;
import org.pledgeworks.kit.outbox.OutboxRelay;
import org.pledgeworks.kit.outbox.PendingEvent;
import org.pledgeworks.pledge.links.VerificationLinks;
import org.pledgeworks.pledge.signatures.SignatureStatus;
import org.pledgeworks.pledge.links.SignerLinks;
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
    private final CountOps countOps;
    private final Counters counters;
    private final EventSerializer events;
    private final OutboxRelay relay;
    private final Clock clock;

    PledgeVerification(VerificationLinks links, SignerLinks signerLinks, Signatures signatures, CountOps countOps,
            Counters counters, EventSerializer events, OutboxRelay relay, Clock clock) {
        this.links = links;
        this.signerLinks = signerLinks;
        this.signatures = signatures;
        this.countOps = countOps;
        this.counters = counters;
        this.events = events;
        this.relay = relay;
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
        return settled(check.signatureId().orElseThrow(), check.outcome() == VerificationLinks.Outcome.VALID);
    }

    public VerificationResult verify(String token) {
        Instant now = clock.instant();
        VerificationLinks.Check check = links.check(token, now);
        if (check.outcome() == VerificationLinks.Outcome.INVALID) {
            return VerificationResult.INVALID;
        }
        String signatureId = check.signatureId().orElseThrow();
        List<PendingEvent> caused = new ArrayList<>();
        Optional<Document> changed = signatures.change(signatureId, signature -> {
            if (!SignatureStatus.PENDING.name().equals(signature.getString("status"))
                    || check.outcome() == VerificationLinks.Outcome.EXPIRED) {
                return Optional.empty();
            }
            boolean before = signature.getBoolean("counts", false);
            boolean after = CountOps.counts(SignatureStatus.VERIFIED.name(), signature.getString("review"));
            PledgeVerified verified = new PledgeVerified(UUID.randomUUID(), now, signatureId,
                    signature.getString("campaignId"), signature.getString("country"),
                    signature.getBoolean("consentToUpdates", false), signature.getString("name"),
                    signature.getString("email"), signature.getString("locale"),
                    signerLinks.withdraw(signatureId, now), signature.getString("ipHash"), after);
            caused.clear();
            caused.add(events.pending("pledges", PledgeVerified.TYPE, signatureId, verified.eventId(), verified));
            return Optional.of(new Signatures.Change(List.of(
                    Updates.set("status", SignatureStatus.VERIFIED.name()),
                    Updates.set("verifiedAt", Date.from(now)),
                    Updates.unset("purgeAt"),
                    Updates.set("counts", after)),
                    List.copyOf(caused), countOps.change(before, after, signature.getString("country"), now)));
        });
        if (changed.isPresent()) {
            relay.publish(Signatures.COLLECTION, signatureId, List.copyOf(caused));
            counters.settle(changed.get());
            return VerificationResult.VERIFIED;
        }
        // Not changed: already verified (a second confirmation), withdrawn, expired or gone.
        return settled(signatureId, false);
    }

    /** @param confirmable whether a pending signature may still be confirmed by this link */
    private VerificationResult settled(String signatureId, boolean confirmable) {
        return signatures.byId(signatureId).map(signature -> switch (SignatureStatus.valueOf(signature.getString("status"))) {
            // an already verified signature shows success even past expiry: the person did confirm in time
            case VERIFIED -> VerificationResult.VERIFIED;
            case WITHDRAWN -> VerificationResult.WITHDRAWN;
            case PENDING -> confirmable ? VerificationResult.READY : VerificationResult.EXPIRED;
        }).orElse(VerificationResult.UNKNOWN);
    }
}
