package org.pledgeworks.campaign.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.pledgeworks.campaign.calendar.CalendarEvent.Status;
import org.pledgeworks.campaign.calendar.CalendarEvents.PublicEvent;
import org.pledgeworks.campaign.campaigns.Campaign;
import org.pledgeworks.campaign.campaigns.CampaignAccess;
import org.pledgeworks.campaign.staff.StaffMember;
import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.pledgeworks.campaign.system.ConflictException;
import org.pledgeworks.campaign.system.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * What other features (RSVPs) may know of a calendar event, and who may see it, so that they need neither
 * its repository nor its stored shape.
 */
@Component
public class EventDirectory {

    private final CalendarEvents events;
    private final CalendarEventRepository repository;
    private final CampaignAccess campaigns;
    private final Clock clock;
    private final String publicBaseUrl;

    EventDirectory(CalendarEvents events, CalendarEventRepository repository, CampaignAccess campaigns, Clock clock,
            CampaignServiceProperties properties) {
        this.events = events;
        this.repository = repository;
        this.campaigns = campaigns;
        this.clock = clock;
        this.publicBaseUrl = properties.publicBaseUrl();
    }

    /**
     * An event as a mail about it states it: local times in its own zone, as the organisers wrote them.
     *
     * @param place    one line ("Volkshaus, Karl-Liebknecht-Straße 30, Leipzig, DE"); null for online only
     * @param capacity null for no limit
     * @param icsUrl   the event as iCalendar, to add to one's calendar
     */
    public record Listing(String calendarEventId, String campaignId, String campaignSlug, String campaignTitle,
            String defaultLocale, String title, LocalDateTime startsAt, LocalDateTime endsAt, String timeZone,
            String place, String onlineUrl, Integer capacity, String url, String icsUrl, boolean cancelled,
            Instant endsAtUtc) {

        /** Takes RSVPs at {@code now}: not called off, not over. */
        public boolean open(Instant now) {
            return !cancelled && endsAtUtc.isAfter(now);
        }
    }

    /**
     * An event that takes RSVPs now. Unknown, a draft, or of a campaign that is not public: 404, as the
     * public read answers; cancelled or over: 409.
     */
    public Listing openForRsvp(String calendarEventId) {
        Listing listing = listing(events.publicView(calendarEventId));
        if (listing.cancelled()) {
            throw new ConflictException("Event cancelled", "This event was called off; it takes no RSVPs.");
        }
        if (!listing.open(clock.instant())) {
            throw new ConflictException("Event over", "This event is over; it takes no RSVPs.");
        }
        return listing;
    }

    /** The event as it stands now, if it is (still) public. */
    public Optional<Listing> find(String calendarEventId) {
        return repository.find(calendarEventId).filter(e -> e.status() != Status.DRAFT).flatMap(this::ofPublic);
    }

    /** Published events of public campaigns that start in ({@code from}, {@code to}], soonest first. */
    public List<Listing> startingBetween(Instant from, Instant to, int limit) {
        return repository.publishedStartingBetween(from, to, limit).stream()
                .flatMap(e -> ofPublic(e).stream()).toList();
    }

    /**
     * The event, for staff of an organisation on its campaign (any role), as for the calendar's staff
     * reads: others get 404.
     */
    public Listing forStaff(StaffMember member, String campaignId, String calendarEventId) {
        Campaign campaign = campaigns.forReading(member, campaignId);
        CalendarEvent event = repository.find(calendarEventId).filter(e -> e.campaignId().equals(campaign.id()))
                .orElseThrow(() -> new NotFoundException("No event '" + calendarEventId + "' on this campaign."));
        return listing(new PublicEvent(campaign, CalendarEventView.of(event, campaign, publicBaseUrl)));
    }

    private Optional<Listing> ofPublic(CalendarEvent e) {
        return campaigns.byId(e.campaignId()).filter(Campaign::isPublic)
                .map(c -> listing(new PublicEvent(c, CalendarEventView.of(e, c, publicBaseUrl))));
    }

    private Listing listing(PublicEvent found) {
        CalendarEventView e = found.event();
        Campaign c = found.campaign();
        String place = e.place() == null ? null : Stream.of(e.place().name(), e.place().address(), e.place().city(),
                e.place().countryCode()).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
        return new Listing(e.calendarEventId(), c.id(), c.slug(), c.title(), c.defaultLocale(), e.title(),
                e.startsAt(), e.endsAt(), e.timeZone(), place, e.onlineUrl(), e.capacity(), e.url(),
                publicBaseUrl + "/api/events/" + e.calendarEventId() + ".ics", e.cancelled(), e.endsAtUtc());
    }
}
