package org.pledgeworks.campaign.calendar;

import static org.pledgeworks.campaign.system.HttpCaching.PUBLIC_MINUTE;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.pledgeworks.campaign.calendar.CalendarEvents.PublicEvent;
import org.pledgeworks.campaign.campaigns.Campaign;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public read side: a campaign's events, upcoming or past and paged, one by id, and both as iCalendar
 * for calendar apps. Cached for a minute and revalidated by ETag ({@code HttpCaching}).
 */
@RestController
class CalendarController {

    /** RFC 5545's media type; UTF-8 is its default, said anyway for clients that guess otherwise. */
    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final CalendarEvents events;
    private final CalendarFeed feed;

    CalendarController(CalendarEvents events, CalendarFeed feed) {
        this.events = events;
        this.feed = feed;
    }

    /** @param past false: not yet over, soonest first; true: over, latest first */
    @GetMapping("/api/campaigns/{slug}/events")
    ResponseEntity<EventPage> list(@PathVariable String slug, @RequestParam(defaultValue = "false") boolean past,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Campaign campaign = events.publicCampaign(slug);
        return ResponseEntity.ok().cacheControl(PUBLIC_MINUTE).body(new EventPage(
                events.publicPage(campaign, past, page, size), page, size, events.countPublic(campaign, past)));
    }

    @GetMapping("/api/events/{eventId}")
    ResponseEntity<CalendarEventView> one(@PathVariable @Size(max = 64) String eventId) {
        return ResponseEntity.ok().cacheControl(PUBLIC_MINUTE).body(events.publicView(eventId).event());
    }

    /** The campaign's calendar to subscribe to: coming events and those of the last 90 days. */
    @GetMapping("/api/campaigns/{slug}/events.ics")
    ResponseEntity<String> calendar(@PathVariable String slug) {
        Campaign campaign = events.publicCampaign(slug);
        return iCalendar(slug, feed.write(campaign.title(), events.forSubscription(campaign)));
    }

    /** One event to add to a calendar ("add to my calendar"). */
    @GetMapping("/api/events/{eventId}.ics")
    ResponseEntity<String> oneAsCalendar(@PathVariable @Size(max = 64) String eventId) {
        PublicEvent found = events.publicView(eventId);
        return iCalendar(eventId, feed.write(found.campaign().title(), List.of(found.event())));
    }

    private static ResponseEntity<String> iCalendar(String name, String body) {
        return ResponseEntity.ok().cacheControl(PUBLIC_MINUTE).header(HttpHeaders.CONTENT_TYPE, TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".ics\"").body(body);
    }

    record EventPage(List<CalendarEventView> items, int page, int size, long total) {
    }
}
