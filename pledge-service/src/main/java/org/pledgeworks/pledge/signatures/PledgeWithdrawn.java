package org.pledgeworks.pledge.signatures;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code pledge-withdrawn.v1} on topic {@code pledges}: the signer withdrew; the signature no longer
 * counts. {@code wasVerified} tells consumers whether it had been verified before, {@code wasCounted}
 * whether it counted until now (false for one verified while held in quarantine).
 */
record PledgeWithdrawn(UUID eventId, Instant occurredAt, String signatureId, String campaignId, String country,
        boolean wasVerified, boolean wasCounted) implements SignatureEvent {

    static final String TYPE = "pledge-withdrawn.v1";
}
