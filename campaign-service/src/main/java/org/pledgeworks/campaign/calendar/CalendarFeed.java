package org.pledgeworks.campaign.calendar;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.pledgeworks.campaign.system.CampaignServiceProperties;

import org.springframework.stereotype.Component;

/**
 * Public events as an iCalendar document, for calendar apps to subscribe to or import. UIDs are
 * {@code <eventId>@<public host>}: stable, so that a revision or cancellation replaces the entry a
 * subscriber already has rather than adding one.
 */
@Component
class CalendarFeed {

    static final String PRODUCT_ID = "-//Pledgeworks//Campaign calendar//EN";

    private final Clock clock;
    private final String host;

    CalendarFeed(Clock clock, CampaignServiceProperties properties) {
        this.clock = clock;
        this.host = URI.create(properties.publicBaseUrl()).getHost();
    }

    /**
     * DTSTAMP is the minute the document is made: to the minute, not the second, so that the body (and
     * its ETag) stays the same for the minute it may be cached, and a subscriber revalidates with a 304.
     */
    String write(String calendarName, List<CalendarEventView> events) {
        return ICalendarWriter.write(PRODUCT_ID, calendarName, clock.instant().truncatedTo(ChronoUnit.MINUTES),
                events.stream().map(this::entry).toList());
    }

    private ICalendarWriter.Entry entry(CalendarEventView e) {
        return new ICalendarWriter.Entry(e.calendarEventId() + "@" + host, e.sequence(), e.startsAt(), e.endsAt(),
                ZoneId.of(e.timeZone()), e.title(), description(e), location(e), e.url(), e.cancelled());
    }

    /** The venue, written out; for an event only online, its link (apps make that clickable). */
    private static String location(CalendarEventView e) {
        if (e.place() == null) {
            return e.onlineUrl();
        }
        return String.join(", ", Stream.of(e.place().name(), e.place().address(), e.place().city(),
                e.place().countryCode()).filter(Objects::nonNull).toList());
    }

    /** The plain text of the Markdown; a hybrid event's link goes here, since its location is the venue. */
    private static String description(CalendarEventView e) {
        return e.place() != null && e.onlineUrl() != null
                ? e.descriptionText() + "\n\nOnline: " + e.onlineUrl()
                : e.descriptionText();
    }
}
