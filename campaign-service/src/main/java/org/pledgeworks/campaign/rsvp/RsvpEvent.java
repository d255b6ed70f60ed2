package org.pledgeworks.campaign.rsvp;

import java.time.LocalDateTime;

import org.pledgeworks.campaign.calendar.EventDirectory.Listing;

/**
 * The calendar event as the RSVP events carry it for their mails: local times in the event's own zone, as
 * the organisers stated them.
 *
 * @param place  one line; null for online only
 * @param icsUrl the event as iCalendar, to add to one's calendar
 */
record RsvpEvent(String calendarEventId, String title, String campaignSlug, String campaignTitle,
        LocalDateTime startsAt, LocalDateTime endsAt, String timeZone, String place, String onlineUrl, String url,
        String icsUrl) {

    static RsvpEvent of(Listing e) {
        return new RsvpEvent(e.calendarEventId(), e.title(), e.campaignSlug(), e.campaignTitle(), e.startsAt(),
                e.endsAt(), e.timeZone(), e.place(), e.onlineUrl(), e.url(), e.icsUrl());
    }
}
