package org.pledgeworks.campaign.rsvp;

import java.util.List;
import java.util.stream.Stream;

import org.pledgeworks.campaign.system.Csv;

/** The export of an event's attendees, then its waiting list in order (injection-safe: {@link Csv}). */
final class RsvpCsv {

    static final List<String> HEADER = List.of("rsvpId", "name", "email", "locale", "status", "waitingPosition",
            "requestedAt", "confirmedAt", "consentWording");

    private RsvpCsv() {
    }

    static String of(Rsvps.StaffList list) {
        Csv csv = Csv.withHeader(HEADER);
        list.going().forEach(r -> csv.row(cells(r, null)));
        for (int i = 0; i < list.waiting().size(); i++) {
            csv.row(cells(list.waiting().get(i), String.valueOf(i + 1)));
        }
        return csv.toString();
    }

    private static Stream<String> cells(Rsvp r, String position) {
        return Stream.of(r.id(), r.name(), r.email(), r.locale(), r.status().wire(), position,
                Csv.text(r.requestedAt()), Csv.text(r.confirmedAt()), r.consentWording());
    }
}
