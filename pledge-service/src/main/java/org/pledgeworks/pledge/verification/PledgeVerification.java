package org.pledgeworks.pledge.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.pledgeworks.pledge.outbox.EventSerializer;
import org.pledgeworks.pledge.outbox.OutboxRelay;
import org.pledgeworks.pledge.outbox.PendingEvent;
import org.pledgeworks.pledge.signing.SignatureStatus;
import org.pledgeworks.pledge.signing.Signatures;

import org.springframework.stereotype.Service;

/** Turns a valid link into a verified signature, once, however often the link is opened. */
@Service
class PledgeVerification {

    private final VerificationLinks links;
    private final Signatures signatures;
    private final EventSerializer events;
    private final OutboxRelay relay;
    private final Clock clock;

    PledgeVerification(VerificationLinks links, Signatures signatures, EventSerializer events, OutboxRelay relay,
            Clock clock) {
        this.links = links;
        this.signatures = signatures;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    VerificationResult verify(String token) {
        Instant now = clock.instant();
        VerificationLinks.Check check = links.check(token, now);
        if (check.outcome() == VerificationLinks.Outcome.INVALID) {
            return VerificationResult.INVALID;
        }
        Optional<Document> found = signatures.byId(check.signatureId().orElseThrow());
        if (found.isEmpty()) {
            return VerificationResult.UNKNOWN;
        }
        Document signature = found.get();
        SignatureStatus status = SignatureStatus.valueOf(signature.getString("status"));
        // An already verified signature shows success even past expiry: the person did confirm in time.
        if (status == SignatureStatus.VERIFIED) {
            return VerificationResult.VERIFIED;
        }
        if (status == SignatureStatus.WITHDRAWN) {
            return VerificationResult.WITHDRAWN;
        }
        if (check.outcome() == VerificationLinks.Outcome.EXPIRED) {
            return VerificationResult.EXPIRED;
        }
        PledgeVerified verified = new PledgeVerified(UUID.randomUUID(), now, signature.getString("_id"),
                signature.getString("campaignId"), signature.getString("country"),
                signature.getBoolean("consentToUpdates", false), signature.getString("name"),
                signature.getString("email"), signature.getString("locale"));
        PendingEvent event = events.pending("pledges", PledgeVerified.TYPE, verified.signatureId(),
                verified.eventId(), verified);
        if (signatures.verify(verified.signatureId(), now, event).isPresent()) {
            relay.publish(Signatures.COLLECTION, verified.signatureId(), List.of(event));
            return VerificationResult.VERIFIED;
        }
        // Someone else (a scanner, a second click) verified it between our read and our write.
        return signatures.byId(verified.signatureId())
                .map(d -> SignatureStatus.valueOf(d.getString("status")) == SignatureStatus.VERIFIED
                        ? VerificationResult.VERIFIED : VerificationResult.WITHDRAWN)
                .orElse(VerificationResult.UNKNOWN);
    }
}
