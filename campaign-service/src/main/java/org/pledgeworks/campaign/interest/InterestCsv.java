package org.pledgeworks.campaign.interest;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The export staff open in a spreadsheet (RFC 4180, header row, CRLF). What people typed goes into it, so
 * a cell that a spreadsheet would read as a formula ({@code = + - @}, tab, carriage return first) gets a
 * leading apostrophe: it is shown as text and never run.
 */
final class InterestCsv {

    static final List<String> HEADER = List.of("interestId", "name", "email", "message", "locale", "status",
            "expressedAt", "confirmedAt", "consentVersion", "consentGivenAt", "consentWording", "statusChangedAt");

    private InterestCsv() {
    }

    static String of(List<Interest> interests) {
        StringBuilder csv = new StringBuilder(row(HEADER.stream()));
        for (Interest i : interests) {
            csv.append(row(Stream.of(i.id(), i.name(), i.email(), i.message(), i.locale(), i.status().wire(),
                    text(i.expressedAt()), text(i.confirmedAt()), i.consent().version(), text(i.consent().givenAt()),
                    i.consent().wording(), text(i.statusChangedAt()))));
        }
        return csv.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String row(Stream<String> cells) {
        return cells.map(InterestCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
