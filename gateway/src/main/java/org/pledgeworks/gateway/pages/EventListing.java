package org.pledgeworks.gateway.pages;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import static org.pledgeworks.gateway.pages.CampaignPageData.text;

/**
 * A campaign's event as the pages show it, read from campaign-service's public record
 * ({@code GET /api/campaigns/{slug}/events}, {@code GET /api/events/{id}}). Only the fields the pages use.
 *
 * @param startsAt      local to {@code timeZone}, as the organisers stated it: the time people go by
 * @param startsAtUtc   the same instant, for {@code <time datetime>}
 * @param descriptionHtml sanitised by campaign-service, cleaned again by {@link Html} where it is written
 */
record EventListing(String id, String campaignSlug, String organiser, String status, String title,
        String descriptionHtml, String descriptionText, LocalDateTime startsAt, LocalDateTime endsAt, String timeZone,
        Instant startsAtUtc, Instant endsAtUtc, Venue place, String onlineUrl, Integer capacity) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    record Venue(String name, String address, String city, String countryCode) {
    }

    static EventListing from(JsonNode json) {
        JsonNode p = json.path("place");
        Venue venue = p.isObject() ? new Venue(text(p, "name"), text(p, "address"), text(p, "city"),
                text(p, "countryCode")) : null;
        JsonNode capacity = json.path("capacity");
        return new EventListing(text(json, "calendarEventId"), text(json, "campaignSlug"),
                text(json, "organisingOrganisation"), text(json, "status"), text(json, "title"),
                text(json, "descriptionHtml"), text(json, "descriptionText"),
                CampaignPageData.time(json, "startsAt", LocalDateTime::parse),
                CampaignPageData.time(json, "endsAt", LocalDateTime::parse), text(json, "timeZone"),
                CampaignPageData.instant(json, "startsAtUtc"), CampaignPageData.instant(json, "endsAtUtc"), venue,
                text(json, "onlineUrl"), capacity.isNumber() ? capacity.asInt() : null);
    }

    /** The items of a page of events; one without an id (which no link could name) is left out. */
    static List<EventListing> listFrom(JsonNode page) {
        return CampaignPageData.items(page, EventListing::from, item -> item.id() != null);
    }

    boolean cancelled() {
        return "cancelled".equalsIgnoreCase(status);
    }

    /**
     * When, in the event's own time zone, e.g. "Saturday 12 December 2026, 14:00–16:00 (Central European
     * Time)": a reader elsewhere still sees the time the organisers announced, and the zone it is in.
     */
    String when() {
        if (startsAt == null) {
            return "";
        }
        StringBuilder when = new StringBuilder(DAY.format(startsAt)).append(", ").append(CLOCK.format(startsAt));
        if (endsAt != null && endsAt.toLocalDate().equals(startsAt.toLocalDate())) {
            when.append("–").append(CLOCK.format(endsAt));
        }
        else if (endsAt != null) {
            when.append(" to ").append(DAY.format(endsAt)).append(", ").append(CLOCK.format(endsAt));
        }
        String zone = zoneName();
        return zone == null ? when.toString() : when.append(" (").append(zone).append(')').toString();
    }

    private String zoneName() {
        if (timeZone == null || timeZone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(timeZone).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }
        catch (DateTimeException e) {
            return timeZone; // a zone this JDK does not know is still the organisers' word for it
        }
    }

    /** Where: the venue, "Online", or both; empty when the record says neither. */
    String where() {
        List<String> parts = new ArrayList<>();
        if (place != null) {
            for (String part : new String[] {place.name(), place.address(), place.city(),
                    SignForm.countryName(place.countryCode())}) {
                if (part != null && !part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        String venue = String.join(", ", parts);
        boolean online = onlineUrl != null && !onlineUrl.isBlank();
        if (venue.isEmpty()) {
            return online ? "Online" : "";
        }
        return online ? venue + ", and online" : venue;
    }
}
