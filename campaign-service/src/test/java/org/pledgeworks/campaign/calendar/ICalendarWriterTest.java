package org.pledgeworks.campaign.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.TestClock;

/** The iCalendar writer: what calendar apps parse, byte for byte where RFC 5545 is strict. */
class ICalendarWriterTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    private final Instant now = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
    /** A summer evening next year: in Berlin's daylight saving time. */
    private final LocalDateTime summer = LocalDate.ofInstant(now, ZoneOffset.UTC).plusYears(1).withMonth(7)
            .withDayOfMonth(1).atTime(19, 0);

    @Test
    void textEscapesBackslashSemicolonCommaAndLineBreaks() {
        assertThat(ICalendarWriter.text("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
        assertThat(ICalendarWriter.text("bell\u0007 and\ttab")).as("control characters dropped, tab kept")
                .isEqualTo("bell and\ttab");
    }

    @Test
    void longLinesFoldAt75OctetsAndUnfoldToTheOriginal() {
        String line = "DESCRIPTION:" + "x".repeat(200);

        String folded = ICalendarWriter.fold(line);

        assertThat(folded.split("\r\n")).allSatisfy(physical -> assertThat(utf8(physical).length)
                .isLessThanOrEqualTo(75));
        assertThat(folded.split("\r\n")[1]).startsWith(" ");
        assertThat(unfold(folded)).isEqualTo(line);
        assertThat(ICalendarWriter.fold("SUMMARY:short")).isEqualTo("SUMMARY:short");
    }

    @Test
    void foldingNeverSplitsAMultiByteCharacter() throws CharacterCodingException {
        // 3 octets each, then 4 (outside the BMP), offset by one ASCII octet so that boundaries fall inside
        String line = "SUMMARY:" + "x" + "€".repeat(40) + "😀".repeat(30) + "ü".repeat(40);

        String folded = ICalendarWriter.fold(line);

        for (String physical : folded.split("\r\n")) {
            byte[] octets = utf8(physical);
            assertThat(octets.length).isLessThanOrEqualTo(75);
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets));
        }
        assertThat(unfold(folded)).isEqualTo(line);
    }

    @Test
    void aDocumentHasTheCalendarPropertiesAndCrlfLineEndingsOnly() {
        String ics = ICalendarWriter.write("-//Test//EN", "Fair supply, events", now,
                List.of(entry("e-1@example.org", BERLIN, summer, false)));

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(lines(ics)).contains("PRODID:-//Test//EN", "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                "X-WR-CALNAME:Fair supply\\, events", "UID:e-1@example.org",
                "DTSTAMP:" + now.toString().replace("-", "").replace(":", ""),
                "DTSTART;TZID=Europe/Berlin:" + compact(summer),
                "DTEND;TZID=Europe/Berlin:" + compact(summer.plusHours(2)),
                "SUMMARY:Meeting\\; all welcome", "DESCRIPTION:Line one\\nLine two", "LOCATION:Hall\\, Leipzig\\, DE",
                "URL:https://example.org/campaigns/c#event-e-1", "STATUS:CONFIRMED", "SEQUENCE:2");
    }

    @Test
    void aDaylightSavingZoneGetsItsTransitionsOfTheYearAsStandardAndDaylight() {
        int year = summer.getYear();
        LocalDate spring = LocalDate.of(year, 3, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        LocalDate autumn = LocalDate.of(year, 10, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));

        List<String> lines = lines(ICalendarWriter.write("-//Test//EN", "c", now,
                List.of(entry("e-1@example.org", BERLIN, summer, false))));

        String timeZone = String.join("\n", lines.subList(lines.indexOf("BEGIN:VTIMEZONE"),
                lines.indexOf("END:VTIMEZONE") + 1));
        assertThat(timeZone).contains("TZID:Europe/Berlin")
                .contains("BEGIN:DAYLIGHT\nDTSTART:" + compact(spring.atTime(2, 0))
                        + "\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nEND:DAYLIGHT")
                .contains("BEGIN:STANDARD\nDTSTART:" + compact(autumn.atTime(3, 0))
                        + "\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD")
                .as("no rules to get wrong: explicit onsets only").doesNotContain("RRULE");
        assertThat(timeZone.indexOf("BEGIN:STANDARD")).as("the observance in force when the year begins comes first")
                .isLessThan(timeZone.indexOf("BEGIN:DAYLIGHT"));
        assertThat(lines.indexOf("BEGIN:VTIMEZONE")).as("defined before it is used")
                .isLessThan(lines.indexOf("BEGIN:VEVENT"));
    }

    @Test
    void aZoneWithoutDaylightSavingGetsOneStandard() {
        List<String> lines = lines(ICalendarWriter.write("-//Test//EN", "c", now,
                List.of(entry("e-1@example.org", KOLKATA, summer, false))));

        assertThat(lines).contains("TZID:Asia/Kolkata", "TZOFFSETFROM:+0530", "TZOFFSETTO:+0530",
                "DTSTART;TZID=Asia/Kolkata:" + compact(summer)).doesNotContain("BEGIN:DAYLIGHT");
        assertThat(lines.stream().filter("BEGIN:STANDARD"::equals)).hasSize(1);
    }

    @Test
    void eachZoneIsDefinedOnceAndACancelledEventSaysSo() {
        List<String> lines = lines(ICalendarWriter.write("-//Test//EN", "c", now, List.of(
                entry("e-1@example.org", BERLIN, summer, false), entry("e-2@example.org", KOLKATA, summer, true),
                entry("e-3@example.org", BERLIN, summer.plusMonths(6), false))));

        assertThat(lines.stream().filter("BEGIN:VTIMEZONE"::equals)).hasSize(2);
        assertThat(lines.stream().filter("BEGIN:VEVENT"::equals)).hasSize(3);
        assertThat(lines).contains("STATUS:CANCELLED");
        assertThat(lines.stream().filter(l -> l.startsWith("DTSTART:") && l.contains(summer.getYear() + 1 + "03")))
                .as("an event in the next year brings that year's transitions").isNotEmpty();
    }

    private static ICalendarWriter.Entry entry(String uid, ZoneId zone, LocalDateTime start, boolean cancelled) {
        return new ICalendarWriter.Entry(uid, 2, start, start.plusHours(2), zone, "Meeting; all welcome",
                "Line one\nLine two", "Hall, Leipzig, DE", "https://example.org/campaigns/c#event-e-1", cancelled);
    }

    private static String compact(LocalDateTime time) {
        return time.toString().replace("-", "").replace(":", "") + (time.getSecond() == 0 ? "00" : "");
    }

    private static List<String> lines(String ics) {
        return Arrays.asList(unfold(ics).split("\r\n"));
    }

    private static String unfold(String folded) {
        return folded.replace("\r\n ", "");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
