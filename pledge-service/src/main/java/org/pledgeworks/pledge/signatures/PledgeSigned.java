package org.pledgeworks.pledge.signatures;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code pledge-signed.v1} on topic {@code pledges}: a signature awaits verification. It carries what
 * the verification mail needs, so notification-service never has to ask. A resend is the same event
 * again with a new {@code eventId} and a fresh link.
 */
record PledgeSigned(
        UUID eventId,
        Instant occurredAt,
        String signatureId,
        String campaignId,
        String campaignSlug,
        String campaignTitle,
        String name,
        String email,
        String country,
        String locale,
        boolean consentToUpdates,
        int pledgeTextVersion,
        URI verificationUrl,
        Instant verificationExpiresAt,
        URI withdrawUrl,
        String ipHash) implements SignatureEvent {

    static final String TYPE = "pledge-signed.v1";
}
