package org.pledgeworks.campaign.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pledgeworks.campaign.support.CalendarEventMother;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * A campaign's events: drafted, published, revised and cancelled, each public change told once on
 * {@code campaigns}; read by the public as JSON and as iCalendar, drafts never, cancelled ones marked.
 */
class CalendarIT extends ServiceIT {

    private static final String BASE = "/api/staff/campaigns/";

    private final String ownerAdmin = CampaignMother.ownerAdmin();
    private final String partnerEditor = StaffTokens.forRoles(Map.of(CampaignMother.PARTNER, "editor"));

    @Test
    void aPartnersEventIsDraftedPublishedRevisedAndCancelledWithAnEventForEachPublicChange() {
        Map<String, Object> campaign = CampaignMother.draft();
        String slug = (String) campaign.get("slug");
        String campaignId = openCampaign(campaign);
        Map<String, Object> body = CalendarEventMother.with(CalendarEventMother.meeting(CampaignMother.PARTNER),
                "description", "Bring **questions**. <script>alert('x')</script>");
        body.put("onlineUrl", "https://meet.example.org/questions");

        HttpResponse<String> posted = post(BASE + campaignId + "/events", partnerEditor, body);

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonNode draft = read(posted);
        String id = draft.get("calendarEventId").asString();
        assertThat(draft.get("status").asString()).isEqualTo("draft");
        assertThat(draft.get("description").asString()).as("staff edit the source").contains("<script>");
        assertThat(draft.get("startsAt").asString()).isEqualTo(body.get("startsAt") + ":00");
        assertDraftUnseen(slug, id);

        HttpResponse<String> published = post(BASE + campaignId + "/events/" + id + "/publish", partnerEditor, null);

        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(post(BASE + campaignId + "/events/" + id + "/publish", partnerEditor, null).statusCode())
                .isEqualTo(409);
        JsonNode publicView = read(get("/api/events/" + id));
        assertThat(publicView.get("status").asString()).isEqualTo("published");
        assertThat(publicView.get("descriptionHtml").asString()).contains("<strong>questions</strong>")
                .doesNotContain("<script");
        assertThat(publicView.has("description")).as("the source stays with staff").isFalse();
        assertThat(publicView.get("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(Instant.parse(publicView.get("startsAtUtc").asString())).isEqualTo(
                LocalDateTime.parse((String) body.get("startsAt")).atZone(java.time.ZoneId.of("Europe/Berlin"))
                        .toInstant());
        assertThat(publicView.get("place").get("name").asString()).isEqualTo("Volkshaus");
        assertThat(publicView.get("url").asString()).endsWith("/campaigns/" + slug + "#event-" + id);
        ConsumerRecord<String, String> publishedEvent = awaitEvent("calendar-event-published.v1", id);
        EventContract.assertValid("campaigns/calendar-event-published.v1", publishedEvent.value());
        assertThat(publishedEvent.key()).isEqualTo(campaignId);

        HttpResponse<String> revised = put(BASE + campaignId + "/events/" + id, partnerEditor,
                CalendarEventMother.with(body, "capacity", 150));

        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        ConsumerRecord<String, String> revisedEvent = awaitEvent("calendar-event-revised.v1", id);
        EventContract.assertValid("campaigns/calendar-event-revised.v1", revisedEvent.value());
        JsonNode revisedView = json.readTree(revisedEvent.value()).get("calendarEvent");
        assertThat(revisedView.get("capacity").asInt()).isEqualTo(150);
        assertThat(revisedView.get("sequence").asLong()).as("calendar apps take the newer version").isEqualTo(1);

        HttpResponse<String> cancelled = post(BASE + campaignId + "/events/" + id + "/cancel", partnerEditor, null);

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        ConsumerRecord<String, String> cancelledEvent = awaitEvent("calendar-event-cancelled.v1", id);
        EventContract.assertValid("campaigns/calendar-event-cancelled.v1", cancelledEvent.value());
        assertThat(read(get("/api/events/" + id)).get("status").asString())
                .as("a link or calendar entry still answers, and says it is off").isEqualTo("cancelled");
        JsonNode list = read(get("/api/campaigns/" + slug + "/events"));
        assertThat(list.get("items").findValuesAsString("status")).containsExactly("cancelled");
        assertThat(unfolded(get("/api/events/" + id + ".ics"))).contains("STATUS:CANCELLED", "SEQUENCE:2");
        assertThat(put(BASE + campaignId + "/events/" + id, partnerEditor, body).statusCode()).isEqualTo(409);
        assertThat(post(BASE + campaignId + "/events/" + id + "/cancel", partnerEditor, null).statusCode())
                .isEqualTo(409);
    }

    @Test
    void thePublicListShowsUpcomingEventsSoonestFirstAndPastOnesApartPaged() {
        Map<String, Object> campaign = CampaignMother.draft();
        String slug = (String) campaign.get("slug");
        String campaignId = openCampaign(campaign);
        String later = published(campaignId, CalendarEventMother.meeting(CampaignMother.OWNER, 10));
        String soon = published(campaignId, CalendarEventMother.online(CampaignMother.PARTNER));
        String past = published(campaignId, CalendarEventMother.meeting(CampaignMother.OWNER, -5));
        String draft = draft(campaignId, CalendarEventMother.meeting(CampaignMother.OWNER, 1));
        String list = "/api/campaigns/" + slug + "/events";

        assertThat(ids(list)).containsExactly(soon, later).doesNotContain(draft);
        assertThat(ids(list + "?past=true")).containsExactly(past);
        JsonNode firstPage = read(get(list + "?size=1"));
        assertThat(firstPage.get("total").asLong()).isEqualTo(2);
        assertThat(firstPage.get("items").findValuesAsString("calendarEventId")).containsExactly(soon);
        assertThat(ids(list + "?size=1&page=1")).containsExactly(later);
    }

    @Test
    void theCampaignsCalendarIsICalendarWithATimeZoneForEachZoneUsedAndNoDrafts() {
        Map<String, Object> campaign = CampaignMother.draft();
        String slug = (String) campaign.get("slug");
        String campaignId = openCampaign(campaign);
        String berlin = published(campaignId, CalendarEventMother.meeting(CampaignMother.OWNER));
        String kolkata = published(campaignId, CalendarEventMother.with(
                CalendarEventMother.online(CampaignMother.OWNER), "timeZone", "Asia/Kolkata"));
        String draft = draft(campaignId, CalendarEventMother.meeting(CampaignMother.OWNER, 2));
        Instant before = TestClock.now().truncatedTo(ChronoUnit.MINUTES);

        HttpResponse<String> response = get("/api/campaigns/" + slug + "/events.ics");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().toLowerCase().replace(" ", ""))
                .isEqualTo("text/calendar;charset=utf-8");
        assertThat(response.body()).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(response.body().replace("\r\n", "")).doesNotContain("\n");
        List<String> lines = unfolded(response);
        assertThat(lines).contains("VERSION:2.0", "METHOD:PUBLISH", "TZID:Europe/Berlin", "TZID:Asia/Kolkata",
                "UID:" + berlin + "@127.0.0.1", "UID:" + kolkata + "@127.0.0.1", "STATUS:CONFIRMED", "SEQUENCE:0",
                "X-WR-CALNAME:" + ((String) campaign.get("title")).replace(",", "\\,"));
        assertThat(String.join("\n", lines)).doesNotContain(draft);
        assertThat(lines.stream().filter(l -> l.startsWith("DTSTART;TZID=Asia/Kolkata:"))).hasSize(1);
        Instant stamp = LocalDateTime.parse(lines.stream().filter(l -> l.startsWith("DTSTAMP:")).findFirst()
                .orElseThrow().substring(8), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                .toInstant(ZoneOffset.UTC);
        assertThat(stamp).as("the service's clock").isBetween(before, TestClock.now());
        assertThat(unfolded(get("/api/events/" + berlin + ".ics"))).contains("UID:" + berlin + "@127.0.0.1")
                .noneMatch(l -> l.contains(kolkata));
        assertThat(get("/api/events/" + draft + ".ics").statusCode()).isEqualTo(404);
    }

    /**
     * Read as a calendar client reads it (ical4j, which resolves each TZID by the feed's own VTIMEZONE): an
     * event in Paris on the morning the clocks go forward and one on the morning they go back keep the wall
     * clock staff wrote, at the instants that clock means there.
     */
    @Test
    void theFeedReadByAnICalendarLibraryKeepsParisWallClockTimesAcrossBothDaylightSavingChanges() throws Exception {
        Map<String, Object> campaign = CampaignMother.draft();
        String slug = (String) campaign.get("slug");
        String campaignId = openCampaign(campaign);
        ZoneId paris = ZoneId.of("Europe/Paris");
        // next year's, so that both are ahead of the test clock whatever its date
        int year = LocalDate.ofInstant(TestClock.now(), paris).getYear() + 1;
        LocalDateTime spring = LocalDate.of(year, 3, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY))
                .atTime(10, 0);
        LocalDateTime autumn = LocalDate.of(year, 10, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY))
                .atTime(10, 0);
        String inSpring = published(campaignId, inParis(spring));
        String inAutumn = published(campaignId, inParis(autumn));

        HttpResponse<String> feed = get("/api/campaigns/" + slug + "/events.ics");

        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        net.fortuna.ical4j.model.Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
        assertThat(zones).extracting(z -> z.getRequiredProperty(Property.TZID).getValue()).containsExactly("Europe/Paris");
        VTimeZone zone = zones.get(0);
        assertThat(zone.getObservances()).extracting(Component::getName).contains(Observance.STANDARD, Observance.DAYLIGHT);
        Map<String, VEvent> events = new java.util.HashMap<>();
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            events.put(event.getRequiredProperty(Property.UID).getValue(), event);
        }
        assertWallClockAndInstant(events.get(inSpring + "@127.0.0.1"), zone, spring, "+0200",
                ZonedDateTime.of(spring, paris).toInstant());
        assertWallClockAndInstant(events.get(inAutumn + "@127.0.0.1"), zone, autumn, "+0100",
                ZonedDateTime.of(autumn, paris).toInstant());
        assertThat(ZonedDateTime.of(spring, paris).toInstant()).as("08:00 UTC: summer time began at 01:00 UTC")
                .isEqualTo(spring.minusHours(2).toInstant(ZoneOffset.UTC));
        assertThat(ZonedDateTime.of(autumn, paris).toInstant()).as("09:00 UTC: winter time began at 01:00 UTC")
                .isEqualTo(autumn.minusHours(1).toInstant(ZoneOffset.UTC));
    }

    private static void assertWallClockAndInstant(VEvent event, VTimeZone zone, LocalDateTime wallClock,
            String offset, Instant instant) {
        assertThat(event).isNotNull();
        DtStart<?> start = event.getDateTimeStart();
        assertThat(start.getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo("Europe/Paris");
        ZonedDateTime parsed = (ZonedDateTime) start.getDate();
        assertThat(parsed.toLocalDateTime()).as("the wall clock staff wrote").isEqualTo(wallClock);
        assertThat(parsed.toInstant()).isEqualTo(instant);
        assertThat(((ZonedDateTime) event.getDateTimeEnd().getDate()).toInstant()).isEqualTo(instant.plusSeconds(2 * 3600));
        assertThat(zone.getApplicableObservance(instant).getRequiredProperty(Property.TZOFFSETTO).getValue())
                .as("the observance the feed's VTIMEZONE puts in force then").isEqualTo(offset);
    }

    private static Map<String, Object> inParis(LocalDateTime start) {
        Map<String, Object> body = CalendarEventMother.meeting(CampaignMother.OWNER);
        body.put("timeZone", "Europe/Paris");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plusHours(2).toString());
        return body;
    }

    @Test
    void publicReadsCarryETagsAndAnswer304WhenUnchanged() {
        String campaignId = openCampaign(CampaignMother.draft());
        String id = published(campaignId, CalendarEventMother.meeting(CampaignMother.OWNER));

        for (String path : List.of("/api/events/" + id, "/api/events/" + id + ".ics")) {
            HttpResponse<String> first = get(path);
            HttpResponse<String> again = revalidate(path, first);
            if (again.statusCode() == 200) {
                // the calendar's DTSTAMP is the minute it is made; that minute may just have turned
                again = revalidate(path, again);
            }

            assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=60", "public");
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
    }

    private HttpResponse<String> revalidate(String path, HttpResponse<String> earlier) {
        String etag = earlier.headers().firstValue("ETag").orElseThrow();
        return send(request(path, null).header("If-None-Match", etag).GET());
    }

    @Test
    void aDraftCannotBePublishedWhileItsCampaignIsADraftAndTellsNobody() throws Exception {
        String campaignId = createCampaign(CampaignMother.draft());
        String id = draft(campaignId, CalendarEventMother.meeting(CampaignMother.OWNER));

        HttpResponse<String> revised = put(BASE + campaignId + "/events/" + id, ownerAdmin,
                CalendarEventMother.online(CampaignMother.OWNER));
        HttpResponse<String> publish = post(BASE + campaignId + "/events/" + id + "/publish", ownerAdmin, null);

        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        assertThat(read(revised).get("place").isNull()).isTrue();
        assertThat(publish.statusCode()).as(publish.body()).isEqualTo(409);
        assertThat(read(publish).get("title").asString()).isEqualTo("Campaign not published");
        assertThat(get("/api/events/" + id).statusCode()).isEqualTo(404);
        Thread.sleep(500);
        assertThat(KafkaProbe.count("campaigns", r -> r.value().contains(id))).as("drafts are nobody else's business")
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"calendar-event-published.v1", "calendar-event-revised.v1", "calendar-event-cancelled.v1"})
    void theContractExamplesMeetTheirSchemas(String type) {
        EventContract.assertValid("campaigns/" + type, EventContract.example("campaigns/" + type));
    }

    private void assertDraftUnseen(String slug, String id) {
        assertThat(read(get("/api/campaigns/" + slug + "/events")).get("total").asLong()).isZero();
        assertThat(get("/api/events/" + id).statusCode()).isEqualTo(404);
        assertThat(get("/api/campaigns/" + slug + "/events.ics").body()).doesNotContain(id);
    }

    private List<String> ids(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response).get("items").findValuesAsString("calendarEventId");
    }

    private static List<String> unfolded(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Arrays.asList(response.body().replace("\r\n ", "").split("\r\n"));
    }

    private String draft(String campaignId, Map<String, Object> body) {
        String token = StaffTokens.forRoles(Map.of((String) body.get("organisingOrganisation"), "editor"));
        HttpResponse<String> posted = post(BASE + campaignId + "/events", token, body);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return read(posted).get("calendarEventId").asString();
    }

    private String published(String campaignId, Map<String, Object> body) {
        String id = draft(campaignId, body);
        String token = StaffTokens.forRoles(Map.of((String) body.get("organisingOrganisation"), "editor"));
        HttpResponse<String> published = post(BASE + campaignId + "/events/" + id + "/publish", token, null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return id;
    }

    private static ConsumerRecord<String, String> awaitEvent(String type, String eventId) {
        return KafkaProbe.awaitRecord("campaigns", isEvent(type, eventId), Duration.ofSeconds(20));
    }

    private static Predicate<ConsumerRecord<String, String>> isEvent(String type, String eventId) {
        return r -> type.equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(eventId);
    }
}
