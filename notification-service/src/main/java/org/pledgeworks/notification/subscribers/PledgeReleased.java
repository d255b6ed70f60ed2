package org.pledgeworks.notification.subscribers;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;

/**
 * {@code pledge-released.v1} on {@code pledges}: staff released a signature that was verified while held
 * in quarantine. It counts from now on, so a consenting signer becomes a subscriber now — with the
 * consent given at verification time. No mail: the signer was thanked when they verified.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PledgeReleased(
        UUID eventId,
        Instant occurredAt,
        String signatureId,
        String campaignId,
        Boolean consentToUpdates,
        Optional<String> name,
        Optional<String> email,
        Optional<String> locale,
        Optional<String> ipHash,
        Optional<Instant> verifiedAt) implements IncomingEvent {

    // the contact fields are null when the signer was erased meanwhile; verifiedAt is optional too
    public PledgeReleased {
        name = name == null ? Optional.empty() : name;
        email = email == null ? Optional.empty() : email;
        locale = locale == null ? Optional.empty() : locale;
        ipHash = ipHash == null ? Optional.empty() : ipHash;
        verifiedAt = verifiedAt == null ? Optional.empty() : verifiedAt;
    }

    public static final String TYPE = "pledge-released.v1";
}
