package org.pledgeworks.notification.bulk;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;

/** {@code milestone-reached.v1} on {@code campaigns}: the verified count passed a threshold. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MilestoneReached(
        UUID eventId,
        Instant occurredAt,
        String campaignId,
        String campaignSlug,
        String campaignTitle,
        Long threshold,
        Long verifiedCount,
        Long goal) implements IncomingEvent {

    public static final String TYPE = "milestone-reached.v1";
}
