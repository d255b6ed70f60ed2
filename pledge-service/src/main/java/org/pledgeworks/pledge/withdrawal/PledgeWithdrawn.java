package org.pledgeworks.pledge.withdrawal;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code pledge-withdrawn.v1} on topic {@code pledges}: the signer withdrew; the signature no longer
 * counts. {@code wasVerified} tells consumers whether it had counted as verified before.
 */
record PledgeWithdrawn(UUID eventId, Instant occurredAt, String signatureId, String campaignId, String country,
        boolean wasVerified) {

    static final String TYPE = "pledge-withdrawn.v1";
}
