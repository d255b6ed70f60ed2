package org.pledgeworks.campaign.calendar;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledgeworks.campaign.support.BadInput;
import org.pledgeworks.campaign.support.CalendarEventMother;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.RsvpMother;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.kit.testing.StaffTokens;

/** Hostile or careless input to the event endpoints: 400, problem details naming each field; never 500. */
class CalendarBadInputIT extends ServiceIT {

    private static final String NEW = "/api/staff/campaigns/{c}/events";
    private static String campaignId;
    private static String slug;
    private static String eventId;

    static Map<String, Object> with(String field, Object value) {
        return CalendarEventMother.with(CalendarEventMother.meeting(CampaignMother.OWNER), field, value);
    }

    /** The meeting, ending {@code hours} after it starts. */
    static Map<String, Object> lasting(long hours) {
        Map<String, Object> body = CalendarEventMother.meeting(CampaignMother.OWNER);
        body.put("endsAt", LocalDateTime.parse((String) body.get("startsAt")).plusHours(hours).toString());
        return body;
    }

    static BadInput create(String name, Map<String, Object> body, String... fields) {
        return new BadInput(name, "POST", NEW, body, List.of(fields));
    }

    static BadInput list(String name, String query, String field) {
        return new BadInput(name, "GET", "/api/campaigns/{s}/events?" + query, null, List.of(field));
    }

    static BadInput rsvp(String name, Map<String, Object> body, String... fields) {
        return new BadInput(name, "POST", "/api/events/{e}/rsvps", body, List.of(fields));
    }

    static Stream<Arguments> cases() {
        Map<String, Object> threeBad = with("title", "");
        threeBad.put("capacity", 0);
        threeBad.put("onlineUrl", "ftp://example.org");
        return Stream.of(
                create("no title", with("title", null), "title"),
                create("blank title", with("title", "   "), "title"),
                create("title of 201 characters", with("title", "x".repeat(201)), "title"),
                create("no description", with("description", null), "description"),
                create("description over 20,000 characters", with("description", "y".repeat(20_001)), "description"),
                create("no organising organisation", with("organisingOrganisation", null), "organisingOrganisation"),
                create("an organisation not on the campaign",
                        with("organisingOrganisation", CampaignMother.OWNER + "-x"), "organisingOrganisation"),
                create("no start", with("startsAt", null), "startsAt"),
                create("start not a date", with("startsAt", "next monday"), "startsAt"),
                create("no end", with("endsAt", null), "endsAt"),
                create("end before start", lasting(-1), "endsAt"),
                create("end at start", lasting(0), "endsAt"),
                create("fifteen days long", lasting(15 * 24), "endsAt"),
                create("no time zone", with("timeZone", null), "timeZone"),
                create("a time zone that does not exist", with("timeZone", "Europe/Atlantis"), "timeZone"),
                create("an offset for a time zone", with("timeZone", "+02:00"), "timeZone"),
                create("neither a place nor an online link", with("place", null), "place"),
                create("a place without a name", with("place", Map.of("city", "Lyon", "countryCode", "FR")),
                        "place.name"),
                create("a place without a city", with("place", Map.of("name", "Hall", "countryCode", "FR")),
                        "place.city"),
                create("a country in lower case", with("place", Map.of("name", "Hall", "city", "Lyon",
                        "countryCode", "fr")), "place.countryCode"),
                create("a country that does not exist", with("place", Map.of("name", "Hall", "city", "Nowhere",
                        "countryCode", "XX")), "place.countryCode"),
                create("a plain http online link", with("onlineUrl", "http://meet.example.org"), "onlineUrl"),
                create("a javascript: online link", with("onlineUrl", "javascript:alert(1)"), "onlineUrl"),
                create("capacity zero", with("capacity", 0), "capacity"),
                create("negative capacity", with("capacity", -5), "capacity"),
                create("capacity as words", with("capacity", "lots"), "capacity"),
                create("three bad fields at once", threeBad, "title", "capacity", "onlineUrl"),
                new BadInput("not JSON", "POST", NEW, "{\"title\": ", List.of("body")),
                new BadInput("revision that moves it to another organisation", "PUT", NEW + "/{e}",
                        CalendarEventMother.meeting(CampaignMother.PARTNER), List.of("organisingOrganisation")),
                new BadInput("revision with a bad time zone", "PUT", NEW + "/{e}", with("timeZone", "Nowhere"),
                        List.of("timeZone")),
                list("list: past as a word", "past=perhaps", "past"),
                list("list: page size zero", "size=0", "size"),
                list("list: page size 1000", "size=1000", "size"),
                list("list: negative page", "page=-1", "page"),
                rsvp("RSVP: no name", RsvpMother.with(RsvpMother.rsvp(), "name", null), "name"),
                rsvp("RSVP: a name with a line break", RsvpMother.with(RsvpMother.rsvp(), "name",
                        "Ada\r\nBcc: x@example.org"), "name"),
                rsvp("RSVP: name of 201 characters", RsvpMother.with(RsvpMother.rsvp(), "name", "n".repeat(201)),
                        "name"),
                rsvp("RSVP: no email", RsvpMother.with(RsvpMother.rsvp(), "email", null), "email"),
                rsvp("RSVP: an email that is not one", RsvpMother.with(RsvpMother.rsvp(), "email", "<script>"),
                        "email"),
                rsvp("RSVP: a locale that is no language tag", RsvpMother.with(RsvpMother.rsvp(), "locale",
                        "../../etc"), "locale"),
                rsvp("RSVP: consent wording over 2000 characters", RsvpMother.with(RsvpMother.rsvp(),
                        "consentWording", "w".repeat(2001)), "consentWording"),
                rsvp("RSVP: name as an object", RsvpMother.with(RsvpMother.rsvp(), "name", Map.of("$gt", "")),
                        "name"),
                new BadInput("RSVP: not JSON", "POST", "/api/events/{e}/rsvps", "{\"name\": ", List.of("body")),
                new BadInput("RSVPs: a format that does not exist", "GET", NEW + "/{e}/rsvps?format=xlsx", null,
                        List.of("format")))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsAProblemNamingTheField(BadInput c) {
        fixtures();
        String path = c.path().replace("{c}", campaignId).replace("{s}", slug).replace("{e}", eventId);
        // the organisation not on the campaign: the caller is its editor too, so it is the input that is wrong
        String token = StaffTokens.forRoles(Map.of(CampaignMother.OWNER, "admin",
                CampaignMother.OWNER + "-x", "editor"));

        c.assertRefusedBy(this, path, token);
    }

    private synchronized void fixtures() {
        if (campaignId != null) {
            return;
        }
        Map<String, Object> campaign = CampaignMother.draft();
        slug = (String) campaign.get("slug");
        campaignId = openCampaign(campaign);
        eventId = read(post(NEW.replace("{c}", campaignId), CampaignMother.ownerAdmin(),
                CalendarEventMother.meeting(CampaignMother.OWNER))).get("calendarEventId").asString();
    }
}
