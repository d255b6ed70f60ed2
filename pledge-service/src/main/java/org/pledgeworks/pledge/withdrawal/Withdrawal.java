package org.pledgeworks.pledge.withdrawal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.client.model.Updates;
import org.pledgeworks.pledge.counting.CountOps;
import org.pledgeworks.pledge.counting.Counters;
import org.pledgeworks.kit.outbox.EventSerializer;
import org.pledgeworks.kit.outbox.OutboxRelay;
import org.pledgeworks.kit.outbox.PendingEvent;
import org.pledgeworks.pledge.signatures.SignatureStatus;
import org.pledgeworks.pledge.links.SignerLinks;
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
    private final CountOps countOps;
    private final Counters counters;
    private final EventSerializer events;
    private final OutboxRelay relay;
    private final Clock clock;

    Withdrawal(SignerLinks links, Signatures signatures, CountOps countOps, Counters counters, EventSerializer events,
            OutboxRelay relay, Clock clock) {
        this.links = links;
        this.signatures = signatures;
        this.countOps = countOps;
        this.counters = counters;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    /** Checks a link without changing anything, for the confirmation page. */
    Outcome check(String token) {
        Optional<String> signatureId = links.check(SignerLinks.WITHDRAW, token, clock.instant());
        if (signatureId.isEmpty()) {
            return Outcome.INVALID;
        }
        return signatures.byId(signatureId.get())
                .map(s -> SignatureStatus.WITHDRAWN.name().equals(s.getString("status")) ? Outcome.ALREADY_WITHDRAWN
                        : Outcome.WITHDRAWN)
                .orElse(Outcome.UNKNOWN);
    }

    Outcome withdraw(String token) {
        Instant now = clock.instant();
        Optional<String> found = links.check(SignerLinks.WITHDRAW, token, now);
        if (found.isEmpty()) {
            return Outcome.INVALID;
        }
        String signatureId = found.get();
        List<PendingEvent> caused = new ArrayList<>();
        boolean changed = signatures.change(signatureId, s -> {
            if (SignatureStatus.WITHDRAWN.name().equals(s.getString("status"))) {
                return Optional.empty();
            }
            PledgeWithdrawn withdrawn = new PledgeWithdrawn(UUID.randomUUID(), now, signatureId,
                    s.getString("campaignId"), s.getString("country"),
                    SignatureStatus.VERIFIED.name().equals(s.getString("status")), s.getBoolean("counts", false));
            caused.clear();
            caused.add(events.pending("pledges", PledgeWithdrawn.TYPE, signatureId, withdrawn.eventId(), withdrawn));
            return Optional.of(new Signatures.Change(List.of(
                    Updates.set("status", SignatureStatus.WITHDRAWN.name()),
                    Updates.set("withdrawnAt", Date.from(now)),
                    Updates.unset("purgeAt"),
                    Updates.set("counts", false)),
                    List.copyOf(caused),
                    countOps.change(s.getBoolean("counts", false), false, s.getString("country"), now)));
        }).isPresent();
        if (changed) {
            relay.publish(Signatures.COLLECTION, signatureId, List.copyOf(caused));
            counters.settle(signatureId);
            return Outcome.WITHDRAWN;
        }
        return signatures.byId(signatureId).isPresent() ? Outcome.ALREADY_WITHDRAWN : Outcome.UNKNOWN;
    }
}
