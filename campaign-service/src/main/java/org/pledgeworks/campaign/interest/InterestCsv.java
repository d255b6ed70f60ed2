package org.pledgeworks.campaign.interest;

import java.util.List;
import java.util.stream.Stream;

import org.pledgeworks.campaign.system.Csv;

/** The export of confirmed interests (injection-safe: {@link Csv}). */
final class InterestCsv {

    static final List<String> HEADER = List.of("interestId", "name", "email", "message", "locale", "status",
            "expressedAt", "confirmedAt", "consentVersion", "consentGivenAt", "consentWording", "statusChangedAt");

    private InterestCsv() {
    }

    static String of(List<Interest> interests) {
        Csv csv = Csv.withHeader(HEADER);
        for (Interest i : interests) {
            csv.row(Stream.of(i.id(), i.name(), i.email(), i.message(), i.locale(), i.status().wire(),
                    Csv.text(i.expressedAt()), Csv.text(i.confirmedAt()), i.consent().version(),
                    Csv.text(i.consent().givenAt()), i.consent().wording(), Csv.text(i.statusChangedAt())));
        }
        return csv.toString();
    }
}
