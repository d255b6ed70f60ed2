package org.pledgeworks.notification.verification;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;
import org.pledgeworks.notification.mail.Links;

/**
 * {@code pledge-signed.v1} on topic {@code pledges}: a signature awaits email verification. Only the
 * fields the verification mail needs; the contract (contracts/pledges/pledge-signed.v1.schema.json)
 * has more.
 *
 * @param email                 as the signer typed it: the mail goes there
 * @param verificationUrl       signed and expiring, made by pledge-service
 * @param verificationExpiresAt when the link stops working
 */
// A tolerant reader: fields added to the contract later (changes are additive) are no reason to fail.
@JsonIgnoreProperties(ignoreUnknown = true)
public record PledgeSigned(
        UUID eventId,
        Instant occurredAt,
        String signatureId,
        String campaignTitle,
        String name,
        String email,
        String locale,
        String verificationUrl,
        Instant verificationExpiresAt) implements IncomingEvent {

    public static final String TYPE = "pledge-signed.v1";

    /** The link goes into an {@code href}: only an absolute http(s) URL may go there. */
    @Override
    public void validate() {
        Links.requireHttp(TYPE, "verificationUrl", verificationUrl);
    }
}
