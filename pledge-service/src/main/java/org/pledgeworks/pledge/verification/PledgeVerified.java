package org.pledgeworks.pledge.verification;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code pledge-verified.v1} on topic {@code pledges}: the signer confirmed. Carries the contact and
 * consent fields notification-service needs to make a subscriber, the withdraw link for the thank-you
 * mail, and the client IP hash for the consent record.
 */
record PledgeVerified(
        UUID eventId,
        Instant occurredAt,
        String signatureId,
        String campaignId,
        String country,
        boolean consentToUpdates,
        String name,
        String email,
        String locale,
        URI withdrawUrl,
        String ipHash) {

    static final String TYPE = "pledge-verified.v1";
}
