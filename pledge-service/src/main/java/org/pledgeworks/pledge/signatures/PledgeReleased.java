package org.pledgeworks.pledge.signatures;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code pledge-released.v1} on topic {@code pledges}: staff released a verified signature from
 * quarantine, so it counts from now on. Its earlier {@code pledge-verified.v1} said
 * {@code counted: false}; this is the moment counters add it and, with consent, it may become a
 * subscriber. Carries the same contact and consent fields as the verification (null when the signer
 * has been erased meanwhile). A signature released while still pending sends nothing here: its
 * verification will say {@code counted: true}.
 */
record PledgeReleased(
        UUID eventId,
        Instant occurredAt,
        String signatureId,
        String campaignId,
        String country,
        boolean consentToUpdates,
        String name,
        String email,
        String locale,
        String ipHash,
        Instant verifiedAt) implements SignatureEvent {

    static final String TYPE = "pledge-released.v1";
}
