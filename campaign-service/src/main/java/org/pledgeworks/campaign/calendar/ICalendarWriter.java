package org.pledgeworks.campaign.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an iCalendar (RFC 5545) document: what calendar apps subscribe to. Kept free of the domain so
 * that its fiddly parts (escaping, folding, time zones) are tested on their own.
 * <p>
 * Each time zone used gets a VTIMEZONE built from {@link ZoneRules}: the transitions of the years the
 * entries span, each an explicit STANDARD or DAYLIGHT observance without RRULE (simple, and right for
 * those years whatever rule changes a zone has had), plus the one in force when those years begin; a
 * zone with no transition then gets a single STANDARD. Clients without the tz database (Outlook) need it.
 */
final class ICalendarWriter {

    private static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * One VEVENT.
     *
     * @param uid      stable across revisions, so that an app updates the entry instead of adding one
     * @param sequence counts the revisions after publication, so that an app takes the newer one
     * @param location null for none; {@code url} likewise
     */
    record Entry(String uid, long sequence, LocalDateTime startsAt, LocalDateTime endsAt, ZoneId zone,
            String summary, String description, String location, String url, boolean cancelled) {
    }

    private ICalendarWriter() {
    }

    /** The whole document; {@code stamp} is DTSTAMP (when it was made: the service's clock). */
    static String write(String productId, String calendarName, Instant stamp, List<Entry> entries) {
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("PRODID:" + text(productId));
        lines.add("VERSION:2.0");
        lines.add("CALSCALE:GREGORIAN");
        lines.add("METHOD:PUBLISH");
        lines.add("X-WR-CALNAME:" + text(calendarName));
        yearsByZone(entries).forEach((zone, years) -> timeZone(lines, ZoneId.of(zone), years[0], years[1]));
        for (Entry entry : entries) {
            event(lines, entry, stamp);
        }
        lines.add("END:VCALENDAR");
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(fold(line)).append(CRLF));
        return out.toString();
    }

    /** A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as {@code \n}. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        String normalised = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                default -> {
                    // other control characters are not allowed in a value (tab is)
                    if (c >= 0x20 && c != 0x7f || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * One content line folded (RFC 5545 3.1): no physical line over 75 octets of UTF-8, continuations
     * start with a space. Split only between code points, so that no multi-byte character is cut.
     */
    static String fold(String line) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        int octets = 0;
        int i = 0;
        while (i < line.length()) {
            int codePoint = line.codePointAt(i);
            int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + width > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    private static void event(List<String> lines, Entry entry, Instant stamp) {
        String zone = entry.zone().getId();
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + text(entry.uid()));
        lines.add("DTSTAMP:" + UTC.format(stamp));
        lines.add("DTSTART;TZID=" + zone + ":" + LOCAL.format(entry.startsAt()));
        lines.add("DTEND;TZID=" + zone + ":" + LOCAL.format(entry.endsAt()));
        lines.add("SEQUENCE:" + entry.sequence());
        lines.add("SUMMARY:" + text(entry.summary()));
        if (entry.description() != null && !entry.description().isBlank()) {
            lines.add("DESCRIPTION:" + text(entry.description()));
        }
        if (entry.location() != null) {
            lines.add("LOCATION:" + text(entry.location()));
        }
        if (entry.url() != null) {
            lines.add("URL:" + entry.url());
        }
        lines.add("STATUS:" + (entry.cancelled() ? "CANCELLED" : "CONFIRMED"));
        lines.add("END:VEVENT");
    }

    /** Zone id → {first year, last year} its entries touch, in a stable order. */
    private static Map<String, int[]> yearsByZone(List<Entry> entries) {
        Map<String, int[]> years = new TreeMap<>();
        for (Entry entry : entries) {
            int first = entry.startsAt().getYear();
            int last = entry.endsAt().getYear();
            years.merge(entry.zone().getId(), new int[] {first, last},
                    (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        return years;
    }

    private static void timeZone(List<String> lines, ZoneId zone, int firstYear, int lastYear) {
        ZoneRules rules = zone.getRules();
        Instant from = LocalDateTime.of(firstYear, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).minusSeconds(14 * 3600);
        Instant until = LocalDateTime.of(lastYear + 1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).plusSeconds(14 * 3600);
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        ZoneOffsetTransition next = rules.nextTransition(from);
        while (next != null && next.getInstant().isBefore(until)) {
            transitions.add(next);
            next = rules.nextTransition(next.getInstant());
        }
        lines.add("BEGIN:VTIMEZONE");
        lines.add("TZID:" + zone.getId());
        if (transitions.isEmpty()) {
            ZoneOffset offset = rules.getOffset(from);
            lines.add("BEGIN:STANDARD");
            lines.add("DTSTART:19700101T000000");
            lines.add("TZOFFSETFROM:" + offset(offset));
            lines.add("TZOFFSETTO:" + offset(offset));
            lines.add("END:STANDARD");
        }
        else {
            ZoneOffsetTransition inForce = rules.previousTransition(from.plusSeconds(1));
            if (inForce != null) {
                observance(lines, rules, inForce);
            }
            transitions.forEach(transition -> observance(lines, rules, transition));
        }
        lines.add("END:VTIMEZONE");
    }

    /** DTSTART is the onset in the local time before it (in TZOFFSETFROM), as RFC 5545 3.6.5 wants. */
    private static void observance(List<String> lines, ZoneRules rules, ZoneOffsetTransition transition) {
        String kind = rules.isDaylightSavings(transition.getInstant()) ? "DAYLIGHT" : "STANDARD";
        lines.add("BEGIN:" + kind);
        lines.add("DTSTART:" + LOCAL.format(transition.getDateTimeBefore()));
        lines.add("TZOFFSETFROM:" + offset(transition.getOffsetBefore()));
        lines.add("TZOFFSETTO:" + offset(transition.getOffsetAfter()));
        lines.add("END:" + kind);
    }

    /** {@code +0100}, {@code +0530}, {@code -0330}; seconds only when there are some (historic offsets). */
    private static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int absolute = Math.abs(total);
        String hhmm = String.format(Locale.ROOT, "%s%02d%02d", total < 0 ? "-" : "+", absolute / 3600, absolute / 60 % 60);
        return absolute % 60 == 0 ? hhmm : hhmm + String.format(Locale.ROOT, "%02d", absolute % 60);
    }
}
