package org.pledgeworks.gateway.pages;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import org.pledgeworks.kit.testing.TestClock;

/**
 * campaign-service's public JSON for events and volunteer opportunities, as the page tests' fakes answer it:
 * an evening meeting in Berlin ten days after the test clock's now, an online one, and an opportunity in Lyon
 * that can also be done remotely. Each with markup in its title, which the pages must show as text.
 */
public final class EngagementMother {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private EngagementMother() {
    }

    /** 14:00 Berlin time, ten days from the test clock's now. */
    public static LocalDateTime meetingStarts() {
        return ZonedDateTime.ofInstant(TestClock.now(), BERLIN).plusDays(10).truncatedTo(ChronoUnit.DAYS)
                .withHour(14).toLocalDateTime();
    }

    public static String meeting(String id, String slug, String status) {
        LocalDateTime starts = meetingStarts();
        LocalDateTime ends = starts.plusHours(2);
        return """
                {"calendarEventId":"%s","campaignSlug":"%s","organisingOrganisation":"fair-supply","status":"%s",
                 "title":"Meet <the> union","descriptionHtml":"<p>Bring a <em>friend</em></p><script>alert(1)</script>",
                 "descriptionText":"Bring a friend","startsAt":"%s","endsAt":"%s","timeZone":"Europe/Berlin",
                 "startsAtUtc":"%s","endsAtUtc":"%s",
                 "place":{"name":"Union hall","address":"Hauptstr. 1","city":"Berlin","countryCode":"DE"},
                 "onlineUrl":null,"capacity":40,"sequence":0}""".formatted(id, slug, status, starts, ends,
                starts.atZone(BERLIN).toInstant(), ends.atZone(BERLIN).toInstant());
    }

    public static String onlineCall(String id, String slug) {
        LocalDateTime starts = meetingStarts().plusDays(1);
        return """
                {"calendarEventId":"%s","campaignSlug":"%s","organisingOrganisation":"unknown-org","status":"published",
                 "title":"Online call","startsAt":"%s","endsAt":"%s","timeZone":"Europe/Berlin","startsAtUtc":"%s",
                 "endsAtUtc":"%s","place":null,"onlineUrl":"https://meet.example.org/call"}""".formatted(id, slug,
                starts, starts.plusHours(1), starts.atZone(BERLIN).toInstant(),
                starts.plusHours(1).atZone(BERLIN).toInstant());
    }

    public static String opportunity(String id, String slug, String status) {
        return """
                {"opportunityId":"%s","campaignSlug":"%s","postingOrganisation":"fair-supply","status":"%s",
                 "title":"Translate <our> leaflets","descriptionHtml":"<p>French to <strong>English</strong></p><img src=x onerror=alert(1)>",
                 "descriptionText":"French to English","skills":["translation","French"],
                 "timeCommitment":"2 hours a week","remote":true,
                 "place":{"address":null,"city":"Lyon","countryCode":"FR"},"peopleWanted":3,
                 "contact":{"email":"volunteers@fsc.example.org","url":"javascript:alert(2)"}}"""
                .formatted(id, slug, status);
    }

    /** A page of items, as the list endpoints answer. */
    public static String page(String... items) {
        return "{\"items\":[" + String.join(",", items) + "],\"page\":0,\"size\":20,\"total\":" + items.length + "}";
    }
}
