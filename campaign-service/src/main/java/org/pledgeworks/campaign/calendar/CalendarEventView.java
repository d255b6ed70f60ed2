package org.pledgeworks.campaign.calendar;

import java.time.Instant;
import java.time.LocalDateTime;

import org.pledgeworks.campaign.calendar.CalendarEvent.Venue;
import org.pledgeworks.campaign.campaigns.Campaign;
import org.pledgeworks.campaign.system.Markdown;

/**
 * The public face of a calendar event: the public API's response and the {@code calendarEvent} of its
 * Kafka events, one record so that the two cannot drift; its changes are contract changes, additive
 * only. The description leaves rendered and sanitised, never as the source.
 *
 * @param startsAt local to {@code timeZone}, as the organisers stated it; {@code startsAtUtc} the instant
 */
record CalendarEventView(String calendarEventId, String campaignSlug, String organisingOrganisation, String status,
        String title, String descriptionHtml, String descriptionText, LocalDateTime startsAt, LocalDateTime endsAt,
        String timeZone, Instant startsAtUtc, Instant endsAtUtc, Venue place, String onlineUrl, Integer capacity,
        Instant publishedAt, Instant cancelledAt, long sequence, String url) {

    static CalendarEventView of(CalendarEvent e, Campaign campaign, String publicBaseUrl) {
        CalendarEvent.Details d = e.details();
        return new CalendarEventView(e.id(), campaign.slug(), e.organisingOrganisation(), e.status().wire(),
                d.title(), Markdown.toHtml(d.description()), Markdown.toText(d.description()), d.startsAt(),
                d.endsAt(), d.timeZone(), d.startsAtInstant(), d.endsAtInstant(), d.place(), d.onlineUrl(),
                d.capacity(), e.publishedAt(), e.cancelledAt(), e.sequence(), url(campaign, e.id(), publicBaseUrl));
    }

    /** The campaign page's anchor for it, until events have pages of their own. */
    static String url(Campaign campaign, String calendarEventId, String publicBaseUrl) {
        return campaign.pageUrl(publicBaseUrl, "event-" + calendarEventId);
    }

    boolean cancelled() {
        return CalendarEvent.Status.CANCELLED.wire().equals(status);
    }
}
