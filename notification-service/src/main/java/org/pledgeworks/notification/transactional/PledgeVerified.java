package org.pledgeworks.notification.transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;
import org.pledgeworks.notification.mail.Links;

/**
 * {@code pledge-verified.v1} on {@code pledges}: a signature is confirmed. With consent to updates the
 * signer becomes a subscriber of the campaign; either way they get the thank-you mail.
 *
 * @param ipHash the hashed IP the pledge came from (optional, added in phase 2), kept with the consent
 * @param counted false when the signature was verified while held in quarantine: it does not count
 *     and its signer does not become a subscriber unless staff release it ({@code pledge-released.v1});
 *     absent (older producers) means true
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PledgeVerified(
        UUID eventId,
        Instant occurredAt,
        String signatureId,
        String campaignId,
        Boolean consentToUpdates,
        String name,
        String email,
        String locale,
        Optional<String> ipHash,
        Optional<String> withdrawUrl,
        Optional<Boolean> counted) implements IncomingEvent {

    // optional fields: absent or null in the JSON is empty here
    public PledgeVerified {
        ipHash = ipHash == null ? Optional.empty() : ipHash;
        withdrawUrl = withdrawUrl == null ? Optional.empty() : withdrawUrl;
        counted = counted == null ? Optional.empty() : counted;
    }

    public static final String TYPE = "pledge-verified.v1";

    public boolean counts() {
        return counted.orElse(true);
    }

    @Override
    public void validate() {
        withdrawUrl.ifPresent(url -> Links.requireHttp(TYPE, "withdrawUrl", url));
    }
}
