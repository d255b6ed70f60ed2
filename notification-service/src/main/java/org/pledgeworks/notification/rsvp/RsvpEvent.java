package org.pledgeworks.notification.rsvp;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.MalformedEventException;
import org.pledgeworks.notification.mail.Links;

/**
 * The calendar event as the RSVP events carry it: only what the mails need. Times are local to
 * {@code timeZone}, as the organisers stated them, and the mail says them so.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RsvpEvent(String title, String campaignTitle, LocalDateTime startsAt, LocalDateTime endsAt, String timeZone,
        String place, String onlineUrl, String url, String icsUrl) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** "Wednesday 9 December 2026, 19:00–21:00 (Europe/Berlin)"; an end on another day is said in full. */
    String when() {
        String end = endsAt.toLocalDate().equals(startsAt.toLocalDate()) ? TIME.format(endsAt) : DAY.format(endsAt);
        return DAY.format(startsAt) + "–" + end + " (" + timeZone + ")";
    }

    /** The place, the online link, or both. */
    String where() {
        if (place == null) {
            return "online: " + onlineUrl;
        }
        return onlineUrl == null ? place : place + "; online: " + onlineUrl;
    }

    /** Past its end, a mail about it is pointless. */
    Instant endsAtInstant() {
        return endsAt.atZone(ZoneId.of(timeZone)).toInstant();
    }

    Instant startsAtInstant() {
        return startsAt.atZone(ZoneId.of(timeZone)).toInstant();
    }

    void validate(String type) {
        Links.requireHttp(type, "calendarEvent.url", url);
        Links.requireHttp(type, "calendarEvent.icsUrl", icsUrl);
        if (onlineUrl != null) {
            Links.requireHttp(type, "calendarEvent.onlineUrl", onlineUrl);
        }
        try {
            ZoneId.of(timeZone);
        }
        catch (DateTimeException e) {
            throw new MalformedEventException(type + " with a time zone that does not exist");
        }
    }
}
