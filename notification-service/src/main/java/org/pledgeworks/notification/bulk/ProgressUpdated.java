package org.pledgeworks.notification.bulk;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;
import org.pledgeworks.notification.mail.Links;

/** {@code progress-updated.v1} on {@code campaigns}: a target's score on the progress card changed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgressUpdated(
        UUID eventId,
        Instant occurredAt,
        String campaignId,
        String campaignSlug,
        String campaignTitle,
        String targetId,
        String targetName,
        String cycle,
        Optional<Double> overallScore,
        Optional<Double> previousScore,
        String url) implements IncomingEvent {

    // optional fields: absent or null in the JSON is empty here
    public ProgressUpdated {
        overallScore = overallScore == null ? Optional.empty() : overallScore;
        previousScore = previousScore == null ? Optional.empty() : previousScore;
    }

    public static final String TYPE = "progress-updated.v1";

    @Override
    public void validate() {
        Links.requireHttp(TYPE, "url", url);
    }
}
