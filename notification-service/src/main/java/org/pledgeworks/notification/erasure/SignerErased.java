package org.pledgeworks.notification.erasure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;

/**
 * {@code signer-erased.v1} on {@code pledges}: forget this person. The address is the instruction,
 * normalised as pledge-service normalises it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SignerErased(
        UUID eventId,
        Instant occurredAt,
        String erasureId,
        String email,
        List<String> signatureIds,
        List<String> campaignIds) implements IncomingEvent {

    public static final String TYPE = "signer-erased.v1";
}
