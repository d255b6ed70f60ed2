package org.pledgeworks.pledge.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code signer-erased.v1} on topic {@code pledges}: forget this person. {@code email} is the
 * normalised identity, given only so that the other services can find and delete what they hold.
 */
record SignerErased(UUID eventId, Instant occurredAt, String erasureId, String email, List<String> signatureIds,
        List<String> campaignIds) {

    static final String TYPE = "signer-erased.v1";
}
