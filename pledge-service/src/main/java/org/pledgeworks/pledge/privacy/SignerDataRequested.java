package org.pledgeworks.pledge.privacy;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code signer-data-requested.v1} on topic {@code pledges}, key = keyed hash of the normalised
 * address: notification-service mails the export and erase links to the address as typed.
 */
record SignerDataRequested(UUID eventId, Instant occurredAt, String email, String locale, URI exportUrl,
        URI eraseUrl) {

    static final String TYPE = "signer-data-requested.v1";
}
