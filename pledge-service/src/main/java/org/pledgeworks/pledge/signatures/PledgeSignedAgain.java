package org.pledgeworks.pledge.signatures;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code pledge-signed-again.v1} on topic {@code pledges}: someone signed again with the address of an
 * existing signature. notification-service sends the "already signed" mail to the address typed in
 * the repeat, with a fresh confirm link while the signature is pending.
 *
 * @param status          {@code pending}, {@code verified} or {@code withdrawn}
 * @param verificationUrl a fresh signed link when pending, else null
 * @param withdrawUrl     null when already withdrawn
 */
record PledgeSignedAgain(
        UUID eventId,
        Instant occurredAt,
        String signatureId,
        String campaignId,
        String campaignSlug,
        String campaignTitle,
        String name,
        String email,
        String locale,
        String status,
        URI verificationUrl,
        URI withdrawUrl) implements SignatureEvent {

    static final String TYPE = "pledge-signed-again.v1";
}
