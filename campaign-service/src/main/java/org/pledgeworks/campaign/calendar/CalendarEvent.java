package org.pledgeworks.campaign.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.pledgeworks.campaign.campaigns.Campaign;
import org.pledgeworks.campaign.system.ConflictException;

/**
 * An event on a campaign's calendar (a meeting, a demonstration, a webinar) as stored
 * ({@link CalendarEventRepository} alone maps it to and from BSON). Its changes return the state after
 * and the Kafka events they cause; the caller writes both in one conditional write.
 *
 * @param sequence counts the public changes after publication: iCalendar's SEQUENCE, by which calendar
 *                 apps tell a newer version of the same UID
 * @param revision counts the writes, so that a change writes only over the state it was computed from
 */
record CalendarEvent(String id, String campaignId, String organisingOrganisation, Status status, Details details,
        Instant createdAt, String createdBy, Instant publishedAt, Instant cancelledAt, long sequence, long revision) {

    enum Status {
        DRAFT, PUBLISHED, CANCELLED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What staff write. Times are local to {@code timeZone}, as people state them ("7 pm in Berlin"), so
     * that an event stays at 7 pm whatever the zone's rules do before it takes place; the instants are
     * derived. {@code description} is Markdown, rendered and sanitised only when shown.
     *
     * @param place     where; null for online only
     * @param onlineUrl where online (https); null for in person only; both for a hybrid event
     * @param capacity  null for no limit
     */
    record Details(String title, String description, LocalDateTime startsAt, LocalDateTime endsAt, String timeZone,
            Venue place, String onlineUrl, Integer capacity) {

        ZoneId zone() {
            return ZoneId.of(timeZone);
        }

        Instant startsAtInstant() {
            return startsAt.atZone(zone()).toInstant();
        }

        Instant endsAtInstant() {
            return endsAt.atZone(zone()).toInstant();
        }
    }

    /** @param countryCode ISO 3166-1 alpha-2, upper case */
    record Venue(String name, String address, String city, String countryCode) {
    }

    /** The state a change leads to, and the events it causes (none while a draft). */
    record Change(CalendarEvent after, List<CalendarEventMessage> events) {
    }

    static CalendarEvent draft(String campaignId, String organisingOrganisation, Details details, String createdBy,
            Instant now) {
        return new CalendarEvent("e-" + UUID.randomUUID(), campaignId, organisingOrganisation, Status.DRAFT, details,
                now, createdBy, null, null, 0, 0);
    }

    Change published(Campaign campaign, Instant now, String publicBaseUrl) {
        if (status != Status.DRAFT) {
            throw new ConflictException("Event not a draft", "Only a draft can be published; this one is "
                    + status.wire() + ".");
        }
        if (!campaign.isPublic()) {
            throw new ConflictException("Campaign not published", "Publish the campaign before its events.");
        }
        CalendarEvent after = with(Status.PUBLISHED, details, now, null, sequence);
        return new Change(after, List.of(new CalendarEventPublished(UUID.randomUUID(), now, campaign.id(),
                campaign.slug(), campaign.title(), CalendarEventView.of(after, campaign, publicBaseUrl))));
    }

    /** New details: a draft changes quietly; a published event tells its readers and its subscribers. */
    Change revised(Details revised, Campaign campaign, Instant now, String publicBaseUrl) {
        return switch (status) {
            case DRAFT -> new Change(with(Status.DRAFT, revised, null, null, sequence), List.of());
            case PUBLISHED -> {
                CalendarEvent after = with(Status.PUBLISHED, revised, publishedAt, null, sequence + 1);
                yield new Change(after, List.of(new CalendarEventRevised(UUID.randomUUID(), now, campaign.id(),
                        campaign.slug(), campaign.title(), CalendarEventView.of(after, campaign, publicBaseUrl))));
            }
            case CANCELLED -> throw new ConflictException("Event cancelled", "A cancelled event cannot be changed.");
        };
    }

    /** Called off: it stays visible, marked cancelled, so that people who saw it learn it will not happen. */
    Change cancelled(Campaign campaign, Instant now, String publicBaseUrl) {
        if (status != Status.PUBLISHED) {
            throw new ConflictException("Event not published", "Only a published event can be cancelled; this one is "
                    + status.wire() + ".");
        }
        CalendarEvent after = with(Status.CANCELLED, details, publishedAt, now, sequence + 1);
        return new Change(after, List.of(new CalendarEventCancelled(UUID.randomUUID(), now, campaign.id(),
                campaign.slug(), campaign.title(), CalendarEventView.of(after, campaign, publicBaseUrl))));
    }

    private CalendarEvent with(Status newStatus, Details newDetails, Instant newPublishedAt, Instant newCancelledAt,
            long newSequence) {
        return new CalendarEvent(id, campaignId, organisingOrganisation, newStatus, newDetails, createdAt, createdBy,
                newPublishedAt, newCancelledAt, newSequence, revision);
    }
}
