package org.pledgeworks.pledge.signatures;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code pledge-verified.v1} on topic {@code pledges}: the signer confirmed. Carries the contact and
 * consent fields notification-service needs to make a subscriber, the withdraw link for the thank-you
 * mail, and the client IP hash for the consent record.
 *
 * <p>{@code counted} says whether the signature counts now: false when it is held in quarantine, in
 * which case it starts counting only if staff release it ({@code pledge-released.v1}) and never if they
 * invalidate it. Consumers that count or subscribe must skip a {@code counted: false} verification.
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
        String ipHash,
        boolean counted) implements SignatureEvent {

    static final String TYPE = "pledge-verified.v1";
}
