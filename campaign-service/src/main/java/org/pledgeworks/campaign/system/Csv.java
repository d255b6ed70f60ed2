package org.pledgeworks.campaign.system;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The exports staff open in a spreadsheet (RFC 4180, header row, CRLF). What people typed goes into them,
 * so a cell that a spreadsheet would read as a formula ({@code = + - @}, tab, carriage return first) gets a
 * leading apostrophe: it is shown as text and never run.
 */
public final class Csv {

    private final StringBuilder csv = new StringBuilder();

    private Csv(List<String> header) {
        row(header.stream());
    }

    public static Csv withHeader(List<String> header) {
        return new Csv(header);
    }

    public Csv row(Stream<String> cells) {
        csv.append(cells.map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return csv.toString();
    }

    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    public static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
