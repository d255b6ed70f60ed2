package org.pledgeworks.pledge.verification;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code pledge-verified.v1} on topic {@code pledges}: the signature now counts. Carries the contact
 * and consent fields notification-service needs to make a subscriber.
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
        String locale) {

    static final String TYPE = "pledge-verified.v1";
}
