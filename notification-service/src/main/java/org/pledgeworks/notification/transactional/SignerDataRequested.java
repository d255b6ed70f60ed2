package org.pledgeworks.notification.transactional;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;
import org.pledgeworks.notification.mail.Links;

/**
 * {@code signer-data-requested.v1} on {@code pledges}: someone asked for their data. The mail carries
 * pledge-service's signed links to the export and to erasure.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SignerDataRequested(
        UUID eventId,
        Instant occurredAt,
        String email,
        String locale,
        String exportUrl,
        String eraseUrl) implements IncomingEvent {

    public static final String TYPE = "signer-data-requested.v1";

    @Override
    public void validate() {
        Links.requireHttp(TYPE, "exportUrl", exportUrl);
        Links.requireHttp(TYPE, "eraseUrl", eraseUrl);
    }
}
