package org.pledgeworks.notification.transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;
import org.pledgeworks.kit.events.MalformedEventException;
import org.pledgeworks.notification.mail.Links;

/**
 * {@code pledge-signed-again.v1} on {@code pledges}: someone signed a pledge their address had signed
 * already. They get the "already signed" mail, with a fresh confirm link while still pending.
 *
 * @param status pending, verified or withdrawn
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PledgeSignedAgain(
        UUID eventId,
        Instant occurredAt,
        String signatureId,
        String campaignId,
        String campaignTitle,
        String name,
        String email,
        String locale,
        String status,
        Optional<String> verificationUrl,
        Optional<String> withdrawUrl) implements IncomingEvent {

    // optional fields: absent or null in the JSON is empty here
    public PledgeSignedAgain {
        verificationUrl = verificationUrl == null ? Optional.empty() : verificationUrl;
        withdrawUrl = withdrawUrl == null ? Optional.empty() : withdrawUrl;
    }

    public static final String TYPE = "pledge-signed-again.v1";

    @Override
    public void validate() {
        verificationUrl.ifPresent(url -> Links.requireHttp(TYPE, "verificationUrl", url));
        withdrawUrl.ifPresent(url -> Links.requireHttp(TYPE, "withdrawUrl", url));
        if ("pending".equals(status) && verificationUrl.isEmpty()) {
            throw new MalformedEventException(TYPE + " pending without a verificationUrl");
        }
    }
}
